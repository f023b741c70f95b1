import { loadInstanceWorkerScript } from './instance-worker-script.ts';
import type { FrameSource, InstanceFrame } from './instance-frame.ts';
import { SandboxFrame } from './sandbox-frame.ts';

let shared: { frame: Promise<SandboxFrame>; users: number } | undefined;

/**
 * The page's one sandbox frame, opened on first need and shared by every host on the page (the playground and each
 * docs example runner): a sandboxed frame costs Chromium a renderer process, so one frame holds all the instances.
 * Each `acquireFrame` is matched by one `releaseFrame`; the frame closes when its last user lets go, or when its
 * process dies (then the next `acquireFrame` opens a new one).
 */
export function acquireFrame(container?: HTMLElement): Promise<SandboxFrame> {
  if (!shared) {
    const opening = loadInstanceWorkerScript().then((script) => SandboxFrame.open(script.source, script.type, container));
    const entry = { frame: opening, users: 0 };
    shared = entry;
    const forget = () => {
      if (shared === entry) shared = undefined;
    };
    // A dead frame is never handed out again; its hosts hear the death after this and acquire a new one.
    opening.then((frame) => frame.onDeath(forget), forget);
  }
  shared.users += 1;
  return shared.frame;
}

export function releaseFrame(frame: SandboxFrame): void {
  if (!shared) return;
  const entry = shared;
  void entry.frame.then((open) => {
    if (open !== frame || shared !== entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    shared = undefined;
    open.close();
  });
}

/** The page's shared frame as a BrowserInstanceHost's default FrameSource. */
export const sharedFrameSource: FrameSource = {
  acquire: acquireFrame,
  release: (frame: InstanceFrame) => {
    if (frame instanceof SandboxFrame) releaseFrame(frame);
  },
};
