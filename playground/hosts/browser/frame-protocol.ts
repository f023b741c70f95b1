/**
 * What the page, the sandboxed frame and each instance worker say to one another besides the instance protocol
 * itself (which travels on a MessagePort straight from the page to the worker). The frame is an opaque origin:
 * every message crossing the frame boundary is checked with the functions below before it is believed.
 */

/**
 * Page → frame, once: the instance worker's script, which the frame turns into a blob of its own origin. The
 * message carries a MessagePort on which the page pings the frame and the frame answers (FrameLiveness).
 */
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

/**
 * Frame → page: one answer of `performance.measureUserAgentSpecificMemory()`, which the frame calls over and over
 * while it has workers. `bytes` holds what the browser attributed to each instance worker (by the worker's own blob
 * URL); the figures were true at some moment between `startedAt` and `answeredAt` (epoch ms).
 */
export interface FrameMemory {
  hs: 'memory';
  startedAt: number;
  answeredAt: number;
  bytes: Record<string, number>;
}

/** Frame → page, once: the frame cannot measure its workers' memory, in the browser's words. */
export interface FrameMemoryUnavailable {
  hs: 'memory-unavailable';
  reason: string;
}

/** Frame → page: the frame is listening; a worker died on its own (a load error, a crash of the worker itself); memory. */
export type FrameToPage = { hs: 'frame-ready' } | { hs: 'worker-error'; id: string; message: string } | FrameMemory | FrameMemoryUnavailable;

/** Page ⇄ frame on the liveness port: a numbered ping, and the frame's pong with the same number. */
export interface LivenessBeat {
  hs: 'ping' | 'pong';
  n: number;
}

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
  if (message.hs === 'memory' && isTime(message.startedAt) && isTime(message.answeredAt) && isByteCounts(message.bytes)) {
    return { hs: 'memory', startedAt: message.startedAt, answeredAt: message.answeredAt, bytes: { ...message.bytes } };
  }
  if (message.hs === 'memory-unavailable' && typeof message.reason === 'string') return { hs: 'memory-unavailable', reason: message.reason.slice(0, 500) };
  return undefined;
}

export function parsePong(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  return message.hs === 'pong' && typeof message.n === 'number' ? message.n : undefined;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isByteCounts(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && Object.values(value).every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
}

export function parseOnline(data: unknown): WorkerOnline | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  return message.type === ONLINE && typeof message.at === 'number' && Number.isFinite(message.at) ? { type: ONLINE, at: message.at } : undefined;
}
