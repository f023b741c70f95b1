import type { FrameToPage } from './frame-protocol.ts';

/**
 * Where a BrowserInstanceHost runs its instances: the page's sandbox frame of Web Workers (SandboxFrame), or frames
 * whose main thread is the instance (ProfileFrames, where the browser can profile). The host needs only this.
 */
export interface InstanceFrame {
  /** Hears workers that died on their own and memory figures; returns the call that stops listening. */
  listen(listener: (message: FrameToPage) => void): () => void;
  /** Hears, once, that the frame's process ended. */
  onDeath(listener: () => void): () => void;
  readonly dead: boolean;
  /** True once the frame answers now, false if it is dead. */
  answering(): Promise<boolean>;
  /** Starts instance `id`, which talks on `port`. */
  spawn(id: string, port: MessagePort): void;
  kill(id: string): void;
  close(): void;
}

/** How a host gets its frame, and gives it back when it is done. */
export interface FrameSource {
  acquire(container?: HTMLElement): Promise<InstanceFrame>;
  release(frame: InstanceFrame): void;
}
