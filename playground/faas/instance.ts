import type { ExitReason, InstanceHandle, InstanceListener, InvokeOutcome, InvokeRequest, ServiceAnswer, ServiceCall, StartPhases } from './instance-host.ts';
import type { InstanceState } from './instance-state.ts';
import type { InvocationRecord } from './invocation-record.ts';
import type { InstanceInfo } from './keep-alive-policy.ts';
import type { Deployment } from './deployment.ts';
import type { ErrorInfo, LogLevel, MetricSample } from './protocol.ts';

/** What an instance reports to; the platform implements it. Kept apart so an instance needs no closures. */
export interface InstanceOwner {
  instanceInitializing(instance: Instance): void;
  instanceReady(instance: Instance, phases: StartPhases): void;
  instanceInitFailed(instance: Instance, error: ErrorInfo, phases: StartPhases): void;
  instanceLog(instance: Instance, requestId: string | null, level: LogLevel, message: string, time: number): void;
  instanceResult(instance: Instance, outcome: InvokeOutcome): void;
  instanceMetrics(instance: Instance, sample: MetricSample): void;
  instanceExited(instance: Instance, reason: ExitReason, error: ErrorInfo | undefined): void;
  instanceServiceCall(call: ServiceCall): Promise<ServiceAnswer>;
  deadlineTimerFired(instance: Instance): void;
  keepAliveTimerFired(instance: Instance): void;
}

/** One running copy of a function: the platform's bookkeeping around the host's handle. */
export class Instance implements InstanceInfo, InstanceListener {
  readonly id: string;
  readonly functionName: string;
  /** Creation order on the platform; newer instances have larger numbers. */
  readonly seq: number;
  readonly createdAt: number;
  readonly provisioned: boolean;
  /** The deployment it belongs to (the platform's private record of the function). */
  readonly deployment: Deployment;
  state: InstanceState = 'starting';
  readyAt = NaN;
  lastDepartureMs = NaN;
  invocations = 0;
  phases: StartPhases | null = null;
  /** Null until the host's start() returned. */
  handle: InstanceHandle | null = null;
  /** The request running on it. */
  current: InvocationRecord | null = null;
  /** The request waiting for this instance's init, and its event. */
  waiting: InvocationRecord | null = null;
  waitingEvent: unknown = undefined;
  /** Replaced by a newer bundle: ends as soon as it is not running a request. */
  retired = false;
  /** Clock time at which the running request (or the init) has overrun. */
  deadline = Infinity;
  deadlineTimer = -1;
  deadlineTimerAt = -1;
  reclaimAt = Infinity;
  keepAliveTimer = -1;
  keepAliveTimerAt = -1;
  /** Order in which instances last went idle, for routing rules that prefer the most recently used. */
  idleSeq = 0;
  /** Commands issued while the host's start() had not returned yet. */
  deferredInvoke: InvokeRequest | null = null;
  deferredTerminate: ExitReason | null = null;

  readonly #owner: InstanceOwner;
  readonly fireDeadline: () => void;
  readonly fireKeepAlive: () => void;

  constructor(owner: InstanceOwner, deployment: Deployment, id: string, functionName: string, seq: number, createdAt: number, provisioned: boolean) {
    this.#owner = owner;
    this.deployment = deployment;
    this.id = id;
    this.functionName = functionName;
    this.seq = seq;
    this.createdAt = createdAt;
    this.provisioned = provisioned;
    this.fireDeadline = () => owner.deadlineTimerFired(this);
    this.fireKeepAlive = () => owner.keepAliveTimerFired(this);
  }

  onInitializing(): void {
    this.#owner.instanceInitializing(this);
  }

  onReady(phases: StartPhases): void {
    this.#owner.instanceReady(this, phases);
  }

  onInitError(error: ErrorInfo, phases: StartPhases): void {
    this.#owner.instanceInitFailed(this, error, phases);
  }

  onLog(requestId: string | null, level: LogLevel, message: string, time: number): void {
    this.#owner.instanceLog(this, requestId, level, message, time);
  }

  onResult(outcome: InvokeOutcome): void {
    this.#owner.instanceResult(this, outcome);
  }

  onMetrics(sample: MetricSample): void {
    this.#owner.instanceMetrics(this, sample);
  }

  onServiceCall(call: ServiceCall): Promise<ServiceAnswer> {
    return this.#owner.instanceServiceCall(call);
  }

  onExit(reason: ExitReason, error?: ErrorInfo): void {
    this.#owner.instanceExited(this, reason, error);
  }
}
