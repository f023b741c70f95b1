import type { FrameToPage } from './frame-protocol.ts';
import type { FrameSource, InstanceFrame } from './instance-frame.ts';
import { loadInstanceWorkerScript } from './instance-worker-script.ts';

/** The document each profiled instance runs in (public/profile-frame.html), served with `Document-Policy: js-profiling`. */
export const PROFILE_FRAME_PATH = '/profile-frame.html';
const LOAD_LIMIT_MS = 10_000;

/**
 * Instances that run on the main thread of a frame of their own, one frame per instance, for profiling: Chromium
 * (156) has no JS Self-Profiling API inside Web Workers, but a document served with `Document-Policy:
 * js-profiling` may profile itself. Each frame is loaded from the site (a srcdoc frame carries no headers) with
 * `sandbox="allow-scripts"`, so it has an opaque origin like the workers' frame, and Chromium gives it a renderer
 * process of its own: a handler that loops never freezes the page, and `kill` removes the frame. The frame runs the
 * same instance runtime script as the workers, so a profiled instance loads, initialises and answers exactly as a
 * worker instance does, over the same port protocol.
 */
export class ProfileFrames implements InstanceFrame {
  readonly #script: string;
  readonly #container: HTMLElement;
  readonly #frames = new Map<string, { iframe: HTMLIFrameElement; stop: () => void }>();
  readonly #listeners = new Set<(message: FrameToPage) => void>();
  #closed = false;

  private constructor(script: string, container: HTMLElement) {
    this.#script = script;
    this.#container = container;
  }

  static async open(container: HTMLElement = document.body): Promise<ProfileFrames> {
    const script = await loadInstanceWorkerScript();
    return new ProfileFrames(script.source, container);
  }

  listen(listener: (message: FrameToPage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Each instance has a frame of its own, and a frame's end is that instance's end (`kill`), never a shared death. */
  onDeath(): () => void {
    return () => undefined;
  }

  get dead(): boolean {
    return false;
  }

  answering(): Promise<boolean> {
    return Promise.resolve(!this.#closed);
  }

  spawn(id: string, port: MessagePort): void {
    if (this.#closed) return this.#failed(id, 'the profiling frames were closed');
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'hello-serverless profiled instance';
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    const timer = setTimeout(() => this.#failed(id, `the profiling frame (${PROFILE_FRAME_PATH}) did not load within ${LOAD_LIMIT_MS / 1000} s`), LOAD_LIMIT_MS);
    const onMessage = (event: MessageEvent) => {
      // Only this frame's own window, which has the opaque origin "null", is believed, and only once.
      if (event.source !== iframe.contentWindow || event.origin !== 'null') return;
      if ((event.data as { hs?: unknown } | null)?.hs !== 'profile-frame-loaded') return;
      stop();
      // An opaque origin can only be addressed with "*"; the frame is ours and holds nothing secret.
      iframe.contentWindow?.postMessage({ hs: 'profile-frame-script', script: this.#script }, '*');
      iframe.contentWindow?.postMessage({ port }, '*', [port]);
    };
    const stop = () => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
    };
    window.addEventListener('message', onMessage);
    iframe.src = PROFILE_FRAME_PATH;
    this.#frames.set(id, { iframe, stop });
    this.#container.append(iframe);
  }

  kill(id: string): void {
    const frame = this.#frames.get(id);
    if (!frame) return;
    frame.stop();
    frame.iframe.remove();
    this.#frames.delete(id);
  }

  close(): void {
    this.#closed = true;
    for (const id of [...this.#frames.keys()]) this.kill(id);
  }

  #failed(id: string, message: string): void {
    this.kill(id);
    for (const listener of this.#listeners) listener({ hs: 'worker-error', id, message });
  }
}

/** A FrameSource that gives each host frames of its own, closed when the host lets go. */
export const profileFrameSource: FrameSource = {
  acquire: (container) => ProfileFrames.open(container),
  release: (frame) => frame.close(),
};
