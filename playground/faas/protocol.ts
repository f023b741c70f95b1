/**
 * The typed, versioned messages between a host and one function instance (DESIGN.md, "The instance protocol").
 * Hosts (a browser Web Worker, a Node worker_threads Worker) carry these as structured-clone messages.
 * Anything an instance sends is untrusted: hosts pass it through `parseInstanceMessage` and end the instance
 * on a malformed message.
 */
export const PROTOCOL_VERSION = 1;

export type Dialect = 'scf' | 'lambda';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A serialisable error, with its stack already mapped back to the user's TypeScript sources where possible. */
export interface ErrorInfo {
  errorType: string;
  errorMessage: string;
  stack?: string[];
}

/** Context fields that are plain data; the runtime adds methods such as getRemainingTimeInMillis(). */
export interface ContextFields {
  requestId: string;
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: number;
  timeLimitInMs: number;
  namespace: string;
  region: string;
}

export interface InitMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'init';
  /** The compiled bundle (CommonJS, one file, inline source map). */
  bundle: string;
  /** Name of the export to call, e.g. "main_handler" for handler "index.main_handler". */
  exportName: string;
  dialect: Dialect;
  env: Record<string, string>;
  /** Files the handler may read next to itself (path relative to the function root → UTF-8 text). */
  files: Record<string, string>;
  limits: { memoryMb: number; timeoutMs: number };
  functionName: string;
}

export interface InvokeMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'invoke';
  requestId: string;
  event: unknown;
  context: ContextFields;
  /** Epoch milliseconds after which the host will terminate the instance. */
  deadline: number;
}

export type HostMessage = InitMessage | InvokeMessage;

export interface ReadyMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'ready';
  /** Time to evaluate the bundle's top level, measured inside the instance. */
  initMs: number;
}

export interface InitErrorMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'initError';
  error: ErrorInfo;
}

export interface LogMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'log';
  /** Null for output written outside any invocation (module top level, stray timers). */
  requestId: string | null;
  level: LogLevel;
  message: string;
  /** Epoch milliseconds. */
  time: number;
}

export interface ResourceUsage {
  /** Peak memory seen during the invocation, where the host can measure it. */
  maxMemoryMb?: number;
  cpuUserMs?: number;
  cpuSystemMs?: number;
  heapUsedMb?: number;
  heapTotalMb?: number;
  externalMb?: number;
}

export type ResultMessage = {
  v: typeof PROTOCOL_VERSION;
  type: 'result';
  requestId: string;
  durationMs: number;
  usage: ResourceUsage;
} & ({ ok: true; value: unknown } | { ok: false; error: ErrorInfo });

/** The instance cannot go on: an uncaught exception outside the handler, process.exit, a broken invariant. */
export interface FatalMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'fatal';
  error: ErrorInfo;
}

export type InstanceMessage = ReadyMessage | InitErrorMessage | LogMessage | ResultMessage | FatalMessage;
