/**
 * What the page, the sandboxed frame and each instance worker say to one another besides the instance protocol
 * itself (which travels on a MessagePort straight from the page to the worker). The frame is an opaque origin:
 * every message crossing the frame boundary is checked with the functions below before it is believed.
 */

/** Page → frame, once: the instance worker's script, which the frame turns into a blob of its own origin. */
export interface FrameBoot {
  hs: 'boot';
  workerSource: string;
  workerType: WorkerType;
}

/** Page → frame: start one instance worker and hand it `port` (transferred with the message). */
export interface FrameSpawn {
  hs: 'spawn';
  id: string;
}

/** Page → frame: end an instance's worker at once. */
export interface FrameKill {
  hs: 'kill';
  id: string;
}

export type PageToFrame = FrameBoot | FrameSpawn | FrameKill;

/** Frame → page: the frame is listening; or a worker died on its own (a load error, a crash of the worker itself). */
export type FrameToPage = { hs: 'frame-ready' } | { hs: 'worker-error'; id: string; message: string };

/** Frame → worker, first message: the port the page talks on. */
export interface WorkerBoot {
  port: MessagePort;
}

/** Worker → page, first message on the port: the worker's script has run, at this epoch time (ms, sub-ms precision). */
export const ONLINE = 'hs-online';
export interface WorkerOnline {
  type: typeof ONLINE;
  at: number;
}

/** Log messages one request may send before the rest are dropped (the runtime separately caps characters). */
export const LOG_MESSAGE_CAP = 2000;

/** Where the function's files appear inside an instance, as on the real platforms. */
export function functionRootFor(dialect: unknown): string {
  return dialect === 'lambda' ? '/var/task' : '/var/user';
}

export function parseFrameMessage(data: unknown): FrameToPage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.hs === 'frame-ready') return { hs: 'frame-ready' };
  if (message.hs === 'worker-error' && typeof message.id === 'string' && typeof message.message === 'string') {
    return { hs: 'worker-error', id: message.id, message: message.message.slice(0, 2000) };
  }
  return undefined;
}

export function parseOnline(data: unknown): WorkerOnline | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  return message.type === ONLINE && typeof message.at === 'number' && Number.isFinite(message.at) ? { type: ONLINE, at: message.at } : undefined;
}
