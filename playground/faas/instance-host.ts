import type { ModelledDurations } from './phases.ts';
import type { StartCause } from './platform-events.ts';
import type { Dialect, ErrorInfo, LogLevel, MetricSample, ProfileOutcome, ResourceUsage } from './protocol.ts';

/**
 * How the scheduler starts and talks to instances, whatever they are: a Web Worker, a worker_threads Worker,
 * or (in model mode) a simulated instance whose durations are drawn on a virtual clock.
 * Every method returns at once; outcomes arrive through the listener, which the scheduler supplies.
 * A host must call the listener's methods at most once per outcome and never after `onExit`. It may answer from
 * inside `start` or `invoke` (a simulated host often does); the Platform holds back what it asks of an instance
 * until `start` has returned its handle.
 */
export interface InstanceHost {
  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle;
}

export interface InstanceSpec {
  instanceId: string;
  functionName: string;
  dialect: Dialect;
  exportName: string;
  /** Compiled bundle; simulated hosts ignore it. */
  bundle: string;
  files: Record<string, string>;
  /** The layers mounted at /opt for this instance (see FunctionConfig.opt). */
  opt?: Record<string, string>;
  env: Record<string, string>;
  memoryMb: number;
  timeoutMs: number;
  /**
   * Why the platform starts it. Live hosts do the same work either way; a simulated host uses it to tell a start
   * whose first request is waiting (that request's response time is the cold one) from a start ahead of traffic.
   */
  startCause: StartCause;
}

export interface InstanceHandle {
  invoke(request: InvokeRequest): void;
  /** Ends the instance; the host reports `onExit` with this reason. */
  terminate(reason: ExitReason): void;
}

export interface InvokeRequest {
  requestId: string;
  event: unknown;
  /** Clock milliseconds after which the scheduler considers the request timed out. */
  deadline: number;
  /** Ask the instance to profile this invocation; the profile, or why there is none, comes through onProfile. */
  profile?: true;
}

/** Durations measured or simulated for the phases of a cold start, in milliseconds. */
export interface StartPhases {
  /** Creating the sandbox: a worker, a thread, a VM. */
  spawnMs: number;
  /** Loading the bundle into it. */
  loadMs: number;
  /** Running the module's top level (user init). */
  initMs: number;
  /**
   * Phases of a real platform's cold start that this machine does not have, drawn when a platform profile is
   * chosen (see phases.ts). Modelled, never measured: they add to the request's latency, never to the measured init.
   */
  modelled?: ModelledDurations;
}

export interface InvokeOutcome {
  requestId: string;
  durationMs: number;
  usage: ResourceUsage;
  result: { ok: true; value: unknown } | { ok: false; error: ErrorInfo };
}

/** A request from a handler to a service of the platform, e.g. a WebSocket gateway's reverse-push URL. */
export interface ServiceCall {
  requestId: string | null;
  url: string;
  method: string;
  body: string;
}

/** A service's HTTP answer: a status and a JSON body. */
export interface ServiceAnswer {
  status: number;
  body: string;
}

export type ExitReason = 'reclaimed' | 'timeout' | 'crash' | 'out-of-memory' | 'init-error' | 'protocol-error' | 'shutdown';

export interface InstanceListener {
  /** Optional: the sandbox is up and the module's top level is running (lets a timeline show the init phase). */
  onInitializing?(): void;
  onReady(phases: StartPhases): void;
  onInitError(error: ErrorInfo, phases: StartPhases): void;
  onLog(requestId: string | null, level: LogLevel, message: string, time: number): void;
  onResult(outcome: InvokeOutcome): void;
  /** Optional: a runtime-metrics sample, `tMs` on the scheduler's clock. Hosts that measure nothing never call it. */
  onMetrics?(sample: MetricSample): void;
  /** Optional: the profile of an invocation asked for with `profile`, heard before that invocation's result. */
  onProfile?(requestId: string, outcome: ProfileOutcome): void;
  /**
   * Optional: a handler called a service of the platform (a fetch to its URL); the promise settles with the answer
   * the handler's fetch resolves with. A listener without it leaves every such call unanswered by a service (404).
   */
  onServiceCall?(call: ServiceCall): Promise<ServiceAnswer>;
  /** The instance is gone. `error` explains an exit the scheduler did not ask for. */
  onExit(reason: ExitReason, error?: ErrorInfo): void;
}
