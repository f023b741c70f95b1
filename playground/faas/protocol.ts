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
  /** The layers mounted at /opt for this instance: compiled CommonJS modules by their path under /opt. */
  opt?: Record<string, string>;
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
  /** Profile this invocation where the instance can (a `profile` message comes before its result). */
  profile?: true;
}

/** The platform's answer to one `call`: an HTTP status and its body, which the instance's fetch resolves with. */
export interface AnswerMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'answer';
  callId: number;
  status: number;
  body: string;
}

export type HostMessage = InitMessage | InvokeMessage | AnswerMessage;

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

/**
 * One sample of one instance's runtime metrics (DESIGN.md, "Metrics are protocol"). Bytes and microseconds.
 * A field the host cannot measure for this one instance is absent, never zero: whole-process figures (rss,
 * process.cpuUsage()) are never reported as an instance's.
 */
export interface MetricSample {
  /** Milliseconds on the platform's clock when the figures were true. */
  tMs: number;
  heapUsed?: number;
  heapTotal?: number;
  heapLimit?: number;
  external?: number;
  arrayBuffers?: number;
  /** CPU time this instance's thread has used since it started. */
  cpuUserUs?: number;
  cpuSystemUs?: number;
  /** Event-loop utilisation since the previous sample, 0..1. */
  elu?: number;
  /**
   * How old the memory figures were when they arrived, in milliseconds, when the host measures memory slowly
   * (the browser's measureUserAgentSpecificMemory answers after ~20 s).
   */
  ageMs?: number;
  /** Taken at the end of an invocation rather than on the interval. */
  requestId?: string;
}

export const METRIC_FIELDS = ['heapUsed', 'heapTotal', 'heapLimit', 'external', 'arrayBuffers', 'cpuUserUs', 'cpuSystemUs', 'elu'] as const;

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

/**
 * A sampled CPU profile of one invocation in the JS Self-Profiling API's shape (frames, stacks, samples;
 * timestamps in milliseconds on the instance's own clock), or why none could be taken.
 */
export interface ProfileTrace {
  resources: string[];
  frames: Array<{ name: string; resourceId?: number; line?: number; column?: number }>;
  stacks: Array<{ frameId: number; parentId?: number }>;
  samples: Array<{ timestamp: number; stackId?: number }>;
}

/**
 * Why no profile: the instance has no profiler at all (`no-profiler`), the browser refused to start one
 * (`refused`, e.g. Document-Policy), or it failed while running (`failed`). `message` is the platform's own words.
 */
export type ProfileUnavailable = { ok: false; cause: 'no-profiler' | 'refused' | 'failed'; message: string };

export type ProfileOutcome = { ok: true; trace: ProfileTrace; sampleIntervalMs: number } | ProfileUnavailable;

export interface ProfileMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'profile';
  requestId: string;
  outcome: ProfileOutcome;
}

/**
 * A request a handler makes, with fetch, to a service of the simulated platform (a URL on SERVICE_HOST_SUFFIX,
 * such as a WebSocket gateway's reverse-push URL). The host hands it to the service and sends an `answer` back.
 */
export interface CallMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'call';
  /** Chosen by the instance, unique among its calls in flight. */
  callId: number;
  requestId: string | null;
  url: string;
  method: string;
  body: string;
}

export type InstanceMessage = ReadyMessage | InitErrorMessage | LogMessage | ResultMessage | FatalMessage | ProfileMessage | CallMessage;

/**
 * Hosts of the simulated platform's services end in this suffix. `.invalid` is reserved (RFC 2606), so such a URL
 * can never reach a real server; every other URL a handler fetches goes to the network as before.
 */
export const SERVICE_HOST_SUFFIX = '.hello-serverless.invalid';

/** Bounds on the calls one instance makes to services, enforced by the runtime and again by the host. */
export const SERVICE_CALL_LIMITS = {
  /** Calls of one instance waiting for their answers at once. */
  maxInFlight: 16,
  /** UTF-8 bytes of one call's body. */
  maxBodyBytes: 128 * 1024,
  maxUrlChars: 2048,
} as const;

/** Whether `url` names a service of the simulated platform (and not the network). */
export function isServiceUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.endsWith(SERVICE_HOST_SUFFIX);
  } catch {
    return false;
  }
}

/** UTF-8 length of `text` (exact only when it could pass `limit`: a shorter string is counted by its length × 3). */
export function utf8Bytes(text: string, limit: number): number {
  return text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).length;
}

export type Parsed<T> = { ok: true; message: T } | { ok: false; problem: string };

const LOG_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'];

/** Checks a message that came from an instance; anything that does not match the protocol exactly is refused. */
export function parseInstanceMessage(data: unknown): Parsed<InstanceMessage> {
  if (!isRecord(data)) return refuse('not an object');
  if (data.v !== PROTOCOL_VERSION) return refuse(`unsupported protocol version ${String(data.v)}`);
  switch (data.type) {
    case 'ready':
      return isDuration(data.initMs) ? accept(data as unknown as ReadyMessage) : refuse('ready.initMs must be a non-negative number');
    case 'initError':
    case 'fatal':
      return isErrorInfo(data.error) ? accept(data as unknown as InitErrorMessage | FatalMessage) : refuse(`${data.type}.error is malformed`);
    case 'log':
      if (!(data.requestId === null || typeof data.requestId === 'string')) return refuse('log.requestId must be a string or null');
      if (typeof data.level !== 'string' || !LOG_LEVELS.includes(data.level)) return refuse('log.level is unknown');
      if (typeof data.message !== 'string') return refuse('log.message must be a string');
      return typeof data.time === 'number' ? accept(data as unknown as LogMessage) : refuse('log.time must be a number');
    case 'result':
      return parseResult(data);
    case 'profile':
      return typeof data.requestId === 'string' && isProfileOutcome(data.outcome) ? accept(data as unknown as ProfileMessage) : refuse('profile message is malformed');
    case 'call':
      return parseCall(data);
    default:
      return refuse(`unknown message type ${JSON.stringify(data.type)}`);
  }
}

function parseResult(data: Record<string, unknown>): Parsed<InstanceMessage> {
  if (typeof data.requestId !== 'string') return refuse('result.requestId must be a string');
  if (!isDuration(data.durationMs)) return refuse('result.durationMs must be a non-negative number');
  if (!isRecord(data.usage) || !Object.values(data.usage).every((n) => n === undefined || typeof n === 'number')) {
    return refuse('result.usage must hold numbers');
  }
  if (data.ok === true) return 'value' in data ? accept(data as unknown as ResultMessage) : refuse('result.value is missing');
  if (data.ok === false) return isErrorInfo(data.error) ? accept(data as unknown as ResultMessage) : refuse('result.error is malformed');
  return refuse('result.ok must be a boolean');
}

function parseCall(data: Record<string, unknown>): Parsed<InstanceMessage> {
  if (!isCallId(data.callId)) return refuse('call.callId must be a non-negative integer');
  if (!(data.requestId === null || typeof data.requestId === 'string')) return refuse('call.requestId must be a string or null');
  if (typeof data.url !== 'string' || data.url.length > SERVICE_CALL_LIMITS.maxUrlChars || !isServiceUrl(data.url)) return refuse('call.url must be the URL of a platform service');
  if (typeof data.method !== 'string' || !/^[A-Z]{1,10}$/.test(data.method)) return refuse('call.method must be an HTTP method');
  if (typeof data.body !== 'string') return refuse('call.body must be a string');
  if (utf8Bytes(data.body, SERVICE_CALL_LIMITS.maxBodyBytes) > SERVICE_CALL_LIMITS.maxBodyBytes) return refuse(`call.body is over ${SERVICE_CALL_LIMITS.maxBodyBytes} bytes`);
  return accept({ v: PROTOCOL_VERSION, type: 'call', callId: data.callId, requestId: data.requestId, url: data.url, method: data.method, body: data.body });
}

/** Checks a message that came from a host; the runtime inside an instance uses it. */
export function parseHostMessage(data: unknown): Parsed<HostMessage> {
  if (!isRecord(data)) return refuse('not an object');
  if (data.v !== PROTOCOL_VERSION) return refuse(`unsupported protocol version ${String(data.v)}`);
  if (data.type === 'init') {
    const ok = typeof data.bundle === 'string' && typeof data.exportName === 'string' && (data.dialect === 'scf' || data.dialect === 'lambda') &&
      isStringRecord(data.env) && isStringRecord(data.files) && (data.opt === undefined || isStringRecord(data.opt)) && isRecord(data.limits) && typeof data.limits.memoryMb === 'number' &&
      typeof data.limits.timeoutMs === 'number' && typeof data.functionName === 'string';
    return ok ? accept(data as unknown as InitMessage) : refuse('init message is malformed');
  }
  if (data.type === 'invoke') {
    const ok = typeof data.requestId === 'string' && isRecord(data.context) && typeof data.deadline === 'number';
    return ok ? accept(data as unknown as InvokeMessage) : refuse('invoke message is malformed');
  }
  if (data.type === 'answer') {
    const ok = isCallId(data.callId) && typeof data.status === 'number' && Number.isInteger(data.status) && data.status >= 200 && data.status <= 599 && typeof data.body === 'string';
    return ok ? accept(data as unknown as AnswerMessage) : refuse('answer message is malformed');
  }
  return refuse(`unknown message type ${JSON.stringify(data.type)}`);
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return isRecord(value) && typeof value.errorType === 'string' && typeof value.errorMessage === 'string' &&
    (value.stack === undefined || (Array.isArray(value.stack) && value.stack.every((line) => typeof line === 'string')));
}

function isProfileOutcome(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.ok === false) return ['no-profiler', 'refused', 'failed'].includes(String(value.cause)) && typeof value.message === 'string';
  const trace = value.trace;
  return value.ok === true && typeof value.sampleIntervalMs === 'number' && isRecord(trace) &&
    Array.isArray(trace.resources) && trace.resources.every((r) => typeof r === 'string') &&
    Array.isArray(trace.frames) && trace.frames.every((f) => isRecord(f) && typeof f.name === 'string') &&
    Array.isArray(trace.stacks) && trace.stacks.every((s) => isRecord(s) && typeof s.frameId === 'number') &&
    Array.isArray(trace.samples) && trace.samples.every((s) => isRecord(s) && typeof s.timestamp === 'number');
}

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isDuration(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function accept<T>(message: T): Parsed<T> {
  return { ok: true, message };
}

function refuse(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}
