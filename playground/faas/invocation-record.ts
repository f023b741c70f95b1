import type { StartPhases } from './instance-host.ts';
import type { Dialect, ErrorInfo, LogLevel } from './protocol.ts';

export type StartKind = 'cold' | 'warm' | 'throttled';

export type InvocationStatus = 'ok' | 'error' | 'timeout' | 'throttled' | 'crashed' | 'oom';

export interface LogLine {
  /** The host's time stamp for the line (epoch milliseconds in live hosts, clock time in simulated ones). */
  time: number;
  level: LogLevel;
  message: string;
}

/** Why a request was refused before it reached an instance, in the words of the function's dialect. */
export interface Throttle {
  /** 429 for Lambda; 432 (concurrency quota) or 429 (scale-out rate) for SCF. */
  httpStatus: number;
  reason: string;
}

/**
 * Everything known about one request once it has finished. Times are clock milliseconds;
 * durations are milliseconds.
 */
export interface InvocationRecord {
  requestId: string;
  functionName: string;
  dialect: Dialect;
  /** Null when the request was throttled and never reached an instance. */
  instanceId: string | null;
  startKind: StartKind;
  status: InvocationStatus;
  arrivalMs: number;
  /** When the handler was called (after init on a cold start); equals arrivalMs when throttled. */
  startMs: number;
  endMs: number;
  /** Set on cold starts once the instance reported them. */
  phases: StartPhases | null;
  /** The handler's run time (the host's measure when it reports one). */
  durationMs: number;
  /**
   * What the platform bills, in ms: the duration plus, where the billing rule bills init, the cold start's Init
   * Duration, rounded up to the next millisecond; 0 when the handler never ran.
   */
  billedDurationMs: number;
  /** The part of billedDurationMs that was init (before rounding): 0 on warm starts and where init is not billed. */
  billedInitMs: number;
  memoryMb: number;
  gbSeconds: number;
  /** Unknown (null) unless the host measured it. */
  maxMemoryUsedMb: number | null;
  /** The handler's return value when status is ok. */
  result: unknown;
  error: ErrorInfo | null;
  throttle: Throttle | null;
  /**
   * What the platform's invoke API answered. Lambda: 200 even when the function failed (the failure travels in
   * X-Amz-Function-Error), 429 when throttled. SCF: 200, 430 user code error, 432 or 429 throttled, 433 time limit,
   * 434 memory limit, 405 the container exited.
   */
  statusCode: number;
  logs: LogLine[];
}
