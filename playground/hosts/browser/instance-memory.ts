import type { ErrorInfo, MetricSample } from '../../faas/protocol.ts';

/**
 * What the browser measured of one instance worker: the bytes `performance.measureUserAgentSpecificMemory()`
 * attributed to it (its JavaScript heap, ArrayBuffer contents included: Chromium does not split them), true at some
 * moment between `startedAt` and `answeredAt` (epoch ms), which are 10-20 s apart.
 */
export interface MemoryReading {
  bytes: number;
  startedAt: number;
  answeredAt: number;
}

const MB = 1024 * 1024;

/**
 * The reading as a sample on the scheduler's clock. The browser does not say when in its window it measured, so the
 * sample is placed at the window's start and `ageMs` is the window: the figure is at most that old on arrival.
 */
export function memorySample(reading: MemoryReading, toClock: (epochMs: number) => number): MetricSample {
  return { tMs: toClock(reading.startedAt), heapUsed: reading.bytes, ageMs: reading.answeredAt - reading.startedAt };
}

export function isOverLimit(reading: MemoryReading, memoryMb: number): boolean {
  return reading.bytes > memoryMb * MB;
}

/** Ended for going over its memory setting, in the words of the Node host's out-of-memory error plus the figure. */
export function overLimitError(requestId: string | null, memoryMb: number, reading: MemoryReading, nowEpochMs: number): ErrorInfo {
  return {
    errorType: 'Runtime.OutOfMemory',
    errorMessage: `${prefix(requestId)}Error: Runtime exited with error: signal: killed (memory limit ${memoryMb} MB reached: the browser measured ${formatBytes(reading.bytes)}, ${ago(reading, nowEpochMs)})`,
  };
}

/**
 * The sandbox frame's renderer process ended under this instance. Chromium does not say why, but the one way user
 * code can end it is running it out of memory, so the request is told so, with the last figure the browser gave.
 */
export function processEndedError(requestId: string | null, reading: MemoryReading | undefined, nowEpochMs: number): ErrorInfo {
  const figure = reading ? `: last measured ${formatBytes(reading.bytes)}, ${ago(reading, nowEpochMs)}` : ' (before the browser measured it)';
  return {
    errorType: 'Runtime.OutOfMemory',
    errorMessage: `${prefix(requestId)}Error: the sandbox process ended, most likely out of memory${figure}; every instance in that process ended with it`,
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`;
}

/** The browser does not say when in its window it measured, so the age is an upper bound. */
function ago(reading: MemoryReading, nowEpochMs: number): string {
  return `up to ${Math.max(0, Math.round((nowEpochMs - reading.startedAt) / 1000))} s ago`;
}

function prefix(requestId: string | null): string {
  return requestId ? `RequestId: ${requestId} ` : '';
}
