import { bill, DEFAULT_BILLING_RULE, type BillingRule } from './billing.ts';
import type { Clock } from './clock.ts';
import { Deployment } from './deployment.ts';
import { DEFAULT_KEEP_ALIVE_S } from './function-config.ts';
import type { FunctionConfig } from './function-config.ts';
import { Instance } from './instance.ts';
import type { InstanceOwner } from './instance.ts';
import type { ExitReason, InstanceHost, InvokeOutcome, InvokeRequest, ServiceAnswer, ServiceCall, StartPhases } from './instance-host.ts';
import { canMove, isFinal } from './instance-state.ts';
import type { InstanceState } from './instance-state.ts';
import type { InvocationRecord, InvocationStatus, LogLine } from './invocation-record.ts';
import type { InstanceCounts, InstanceInfo, KeepAlivePolicy, PolicyControl } from './keep-alive-policy.ts';
import { exitError, invokeStatusCode, throttleFor, timeoutError } from './platform-errors.ts';
import type { ThrottleCause } from './platform-errors.ts';
import type { PlatformEvent, ReclaimCause, StartCause } from './platform-events.ts';
import { fixedKeepAlive } from './policies/fixed-keep-alive.ts';
import { provisionedConcurrency } from './policies/provisioned-concurrency.ts';
import type { ErrorInfo, LogLevel, MetricSample } from './protocol.ts';
import { countingRequestIds } from './request-ids.ts';
import { newestIdleFirst } from './routing-rule.ts';
import type { RoutingRule } from './routing-rule.ts';
import { ScaleOutLimiter } from './scale-out-limit.ts';
import { ServiceEndpoints } from './service-endpoints.ts';
import type { ScaleOutLimit } from './scale-out-limit.ts';

export interface PlatformOptions {
  clock: Clock;
  host: InstanceHost;
  /** Which idle instance takes a request; newest first unless told otherwise. */
  routing?: RoutingRule;
  /** Cold starts allowed per window, across all functions (a region's burst limit). Absent: no limit. */
  scaleOut?: ScaleOutLimit;
  /** Makes request ids; counted UUID-shaped ids by default. */
  requestIds?: () => string;
  /** Lambda bounds init to 10 s outside provisioned concurrency; an instance not ready by then is ended. */
  initLimitMs?: number;
  /**
   * Let a request that finds no idle instance wait for one that a policy started ahead of traffic and that is
   * still starting, instead of starting another (as Knative's activator buffers requests for pods coming up).
   * Off by default: Lambda and SimFaaS route only to idle instances.
   */
  routeToStarting?: boolean;
  /** Keep each request's log lines in its record (default true); log events are emitted either way. */
  keepLogs?: boolean;
  /** Told of every instance state change, without allocating: for time-averaged instance counts in model mode. */
  observer?: InstanceObserver;
  /** Whether a cold request's bill includes its init (billing.ts); today's rule unless told otherwise. */
  billing?: BillingRule;
}

export interface InstanceObserver {
  /** `instance.state` is the new state; `from` is null when the instance was just created (state 'starting'). */
  instanceChanged(instance: InstanceInfo, from: InstanceState | null, time: number): void;
}

/** A live instance as the UI and CLI see it: a copy, safe to keep. */
export interface InstanceSnapshot {
  id: string;
  functionName: string;
  state: InstanceState;
  createdAt: number;
  readyAt: number;
  provisioned: boolean;
  invocations: number;
  lastDepartureMs: number;
  /** Clock time it will be reclaimed if no request comes; Infinity when kept or not idle. */
  reclaimAt: number;
}

export type PlatformListener = (event: PlatformEvent) => void;
export type CompletionListener = (record: InvocationRecord) => void;

const NO_LOGS: LogLine[] = [];
const DEFAULT_INIT_LIMIT_MS = 10_000;

/**
 * The simulated FaaS platform: deploys functions, routes each request to an idle instance (or starts one, or
 * throttles), enforces timeouts and keep-alive, and reports a record per request and events for a timeline.
 * The same code runs live (real clock, worker instances) and in model mode (virtual clock, simulated instances):
 * everything time-related goes through the Clock, everything about instances through the InstanceHost.
 */
export class Platform implements InstanceOwner {
  readonly clock: Clock;
  readonly #host: InstanceHost;
  /** The URLs its services (a WebSocket gateway's reverse-push URL) answer on, for handlers to fetch. */
  readonly services = new ServiceEndpoints();
  readonly #routing: RoutingRule;
  readonly #limiter: ScaleOutLimiter | null;
  readonly #nextRequestId: () => string;
  readonly #initLimitMs: number;
  readonly #keepLogs: boolean;
  readonly #routeToStarting: boolean;
  readonly #observer: InstanceObserver | null;
  readonly #billing: BillingRule;
  readonly #functions = new Map<string, Deployment>();
  #listeners: PlatformListener[] = [];
  #completions: CompletionListener[] = [];
  readonly #promised = new Map<InvocationRecord, (record: InvocationRecord) => void>();
  /** Records handed back by release(), reused by the next requests. */
  readonly #spare: InvocationRecord[] = [];
  #instanceSeq = 0;
  #idleSeq = 0;
  #closed = false;

  constructor(options: PlatformOptions) {
    this.clock = options.clock;
    this.#host = options.host;
    this.#routing = options.routing ?? newestIdleFirst;
    this.#limiter = options.scaleOut ? new ScaleOutLimiter(options.scaleOut) : null;
    this.#nextRequestId = options.requestIds ?? countingRequestIds();
    this.#initLimitMs = options.initLimitMs ?? DEFAULT_INIT_LIMIT_MS;
    this.#keepLogs = options.keepLogs ?? true;
    this.#routeToStarting = options.routeToStarting ?? false;
    this.#observer = options.observer ?? null;
    this.#billing = options.billing ?? DEFAULT_BILLING_RULE;
  }

  /** Deploys a function, or updates it: the old version's instances end once they are not running a request. */
  deploy(config: FunctionConfig): void {
    this.#assertOpen();
    const old = this.#functions.get(config.name);
    const deployment = new Deployment(config, config.policy ?? defaultPolicy(config), this.#routing, old);
    this.#functions.set(config.name, deployment);
    if (old) this.#retire(old, 'retired');
    deployment.policy.attach(this.#controlFor(deployment));
  }

  /** Removes a function; its instances end once they are not running a request. */
  remove(name: string): void {
    const deployment = this.#functions.get(name);
    if (!deployment) return;
    this.#functions.delete(name);
    this.#retire(deployment, 'retired');
  }

  has(name: string): boolean {
    return this.#functions.has(name);
  }

  /** Runs one request and resolves with its record; never rejects for anything the function does. */
  invoke(functionName: string, event: unknown): Promise<InvocationRecord> {
    const deployment = this.#deployment(functionName);
    return new Promise((resolve) => {
      this.#arrive(deployment, event, resolve);
    });
  }

  /**
   * Starts one request without a Promise (model mode's hot path). Returns its record, which is filled in as the
   * request proceeds; completion listeners receive the same object when it is finished.
   */
  submit(functionName: string, event: unknown): InvocationRecord {
    return this.#arrive(this.#deployment(functionName), event, null);
  }

  /**
   * Hands back a finished record from submit() for a later request to reuse: model mode's hot path, where a new
   * record per request was a tenth of the run. Only for a record nobody holds any more, and never one an event
   * listener was given.
   */
  release(record: InvocationRecord): void {
    this.#spare.push(record);
  }

  /** Called with every finished record (throttled ones included). Returns an unsubscribe function. */
  onComplete(listener: CompletionListener): () => void {
    this.#completions = [...this.#completions, listener];
    return () => {
      this.#completions = this.#completions.filter((l) => l !== listener);
    };
  }

  /** Timeline events. Nothing is allocated for events while no one listens. Returns an unsubscribe function. */
  on(listener: PlatformListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  instances(functionName?: string): InstanceSnapshot[] {
    const out: InstanceSnapshot[] = [];
    for (const deployment of this.#functions.values()) {
      if (functionName !== undefined && deployment.name !== functionName) continue;
      for (const i of deployment.instances) out.push(snapshot(i));
    }
    return out;
  }

  counts(functionName: string): InstanceCounts {
    return countsOf(this.#deployment(functionName));
  }

  /** Ends every instance; requests still running fail. The platform refuses work afterwards. */
  shutdown(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const deployment of [...this.#functions.values()]) {
      this.#functions.delete(deployment.name);
      this.#retire(deployment, 'shutdown');
      for (const instance of [...deployment.instances]) this.#abort(instance, 'shutdown');
    }
  }

  // ---- requests ----

  #arrive(deployment: Deployment, event: unknown, resolve: ((record: InvocationRecord) => void) | null): InvocationRecord {
    const now = this.clock.now();
    const spare = this.#spare.pop();
    const record: InvocationRecord = spare !== undefined ? refill(spare, this.#nextRequestId(), deployment, now) : {
      requestId: this.#nextRequestId(),
      functionName: deployment.name,
      dialect: deployment.dialect,
      instanceId: null,
      startKind: 'cold',
      status: 'ok',
      arrivalMs: now,
      startMs: now,
      endMs: now,
      phases: null,
      durationMs: 0,
      billedDurationMs: 0,
      billedInitMs: 0,
      memoryMb: deployment.memoryMb,
      gbSeconds: 0,
      maxMemoryUsedMb: null,
      result: undefined,
      error: null,
      throttle: null,
      statusCode: 200,
      logs: NO_LOGS,
    };
    if (resolve) this.#promised.set(record, resolve);
    deployment.policy.onArrival?.(now);
    // Checked before routing, on the warm path too (as SimFaaS does): a warm start would also push the number of
    // running instances over the limit. Idle instances do not count.
    if (deployment.inUse.active >= deployment.maxConcurrency) {
      this.#throttle(deployment, record, 'concurrency');
      return record;
    }
    const warm = deployment.idle.take();
    if (warm) {
      this.#dispatch(warm, record, event, false);
    } else if (deployment.unclaimed.length !== 0) {
      const starting = deployment.unclaimed.shift()!;
      starting.waiting = record;
      starting.waitingEvent = event;
      record.instanceId = starting.id;
    } else if (this.#limiter && !this.#limiter.tryStart(now)) {
      this.#throttle(deployment, record, 'scale-out-rate');
    } else {
      this.#startInstance(deployment, 'request', false, record, event);
    }
    return record;
  }

  #throttle(deployment: Deployment, record: InvocationRecord, cause: ThrottleCause): void {
    let answer = cause === 'concurrency' ? deployment.concurrencyThrottle : deployment.rateThrottle;
    if (!answer) {
      const limit = cause === 'concurrency' ? deployment.maxConcurrency : this.#limiter!.limit.instances;
      answer = throttleFor(deployment.dialect, cause, deployment.name, limit);
      if (cause === 'concurrency') deployment.concurrencyThrottle = answer;
      else deployment.rateThrottle = answer;
    }
    record.startKind = 'throttled';
    record.status = 'throttled';
    record.throttle = answer.throttle;
    record.statusCode = answer.throttle.httpStatus;
    record.error = answer.error;
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'throttled', time: record.endMs, functionName: deployment.name, requestId: record.requestId, throttle: answer.throttle });
    }
    this.#complete(record, null);
  }

  #dispatch(instance: Instance, record: InvocationRecord, event: unknown, cold: boolean): void {
    const deployment = instance.deployment;
    const now = this.clock.now();
    // The hot path: only idle or freshly started instances get here, both of which may become busy.
    const from = instance.state;
    if (from === 'idle') {
      deployment.active++;
      deployment.inUse.active++;
    }
    deployment.busy++;
    instance.state = 'busy';
    if (this.#observer !== null) this.#observer.instanceChanged(instance, from, now);
    instance.current = record;
    instance.invocations++;
    record.instanceId = instance.id;
    record.startKind = cold ? 'cold' : 'warm';
    record.startMs = now;
    instance.deadline = now + deployment.timeoutMs;
    this.#armDeadline(instance);
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'invoke-start', time: now, functionName: deployment.name, instanceId: instance.id, requestId: record.requestId, cold });
    }
    this.#send(instance, { requestId: record.requestId, event, deadline: instance.deadline });
  }

  /** Finishes a record: listeners and the waiting Promise get it. */
  #complete(record: InvocationRecord, instanceId: string | null): void {
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'invoke-end', time: record.endMs, functionName: record.functionName, instanceId, requestId: record.requestId, record });
    }
    const completions = this.#completions;
    for (let i = 0; i < completions.length; i++) this.#safely(completions[i]!, record);
    if (this.#promised.size !== 0) {
      const resolve = this.#promised.get(record);
      if (resolve) {
        this.#promised.delete(record);
        resolve(record);
      }
    }
  }

  #fail(record: InvocationRecord, status: InvocationStatus, error: ErrorInfo, ranHandler: boolean): void {
    const now = this.clock.now();
    record.status = status;
    record.error = error;
    record.statusCode = invokeStatusCode(record.dialect, status);
    record.endMs = now;
    if (ranHandler) {
      this.#bill(record, now - record.startMs);
    } else {
      record.startMs = now;
    }
  }

  #bill(record: InvocationRecord, durationMs: number): void {
    bill(record, durationMs, this.#billing);
  }

  // ---- instances ----

  #startInstance(deployment: Deployment, cause: StartCause, provisioned: boolean, waiting: InvocationRecord | null, event: unknown): Instance {
    const now = this.clock.now();
    const seq = ++this.#instanceSeq;
    const instance = new Instance(this, deployment, `${deployment.name}-${seq}`, deployment.name, seq, now, provisioned);
    instance.waiting = waiting;
    instance.waitingEvent = event;
    if (waiting) waiting.instanceId = instance.id;
    instance.deadline = now + this.#initLimitMs;
    deployment.instances.add(instance);
    deployment.active++;
    deployment.inUse.active++;
    if (this.#observer !== null) this.#observer.instanceChanged(instance, null, now);
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'instance-starting', time: now, functionName: deployment.name, instanceId: instance.id, cause });
    }
    if (!deployment.retired) deployment.policy.onInstanceCreated?.(instance, now);
    this.#armDeadline(instance);
    const config = deployment.config;
    try {
      instance.handle = this.#host.start(
        {
          instanceId: instance.id,
          functionName: deployment.name,
          dialect: deployment.dialect,
          exportName: config.exportName,
          bundle: config.bundle,
          files: config.files ?? {},
          ...(config.opt ? { opt: config.opt } : {}),
          env: config.env ?? {},
          memoryMb: deployment.memoryMb,
          timeoutMs: deployment.timeoutMs,
          startCause: cause,
        },
        instance,
      );
    } catch (thrown) {
      this.instanceExited(instance, 'crash', { errorType: 'Runtime.StartError', errorMessage: `The instance could not start: ${describe(thrown)}` });
      return instance;
    }
    // The host may have answered before start() returned; what the platform asked of it meanwhile is sent now.
    if (instance.deferredTerminate !== null) {
      this.#terminate(instance, instance.deferredTerminate);
    } else if (instance.deferredInvoke !== null) {
      const request = instance.deferredInvoke;
      instance.deferredInvoke = null;
      this.#send(instance, request);
    }
    return instance;
  }

  instanceInitializing(instance: Instance): void {
    if (instance.state === 'starting') this.#move(instance, 'initializing');
  }

  instanceReady(instance: Instance, phases: StartPhases): void {
    if (isFinal(instance.state)) return;
    if (instance.state !== 'starting' && instance.state !== 'initializing') {
      this.#violation(instance, 'reported ready twice');
      return;
    }
    const now = this.clock.now();
    this.#unlist(instance);
    instance.phases = phases;
    instance.readyAt = now;
    instance.deadline = Infinity;
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'instance-ready', time: now, functionName: instance.functionName, instanceId: instance.id, phases });
    }
    const waiting = instance.waiting;
    if (waiting) {
      const event = instance.waitingEvent;
      instance.waiting = null;
      instance.waitingEvent = undefined;
      waiting.phases = phases;
      this.#dispatch(instance, waiting, event, true);
    } else {
      this.#becomeIdle(instance, false);
    }
  }

  instanceInitFailed(instance: Instance, error: ErrorInfo, phases: StartPhases): void {
    if (isFinal(instance.state)) return;
    if (instance.state !== 'starting' && instance.state !== 'initializing') {
      this.#violation(instance, 'reported an init error after init');
      return;
    }
    instance.phases = phases;
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'init-error', time: this.clock.now(), functionName: instance.functionName, instanceId: instance.id, error, phases });
    }
    const waiting = instance.waiting;
    this.#end(instance, 'init-failed');
    this.#terminate(instance, 'init-error');
    if (waiting) {
      waiting.phases = phases;
      this.#fail(waiting, 'error', error, false);
      this.#complete(waiting, instance.id);
    }
  }

  instanceLog(instance: Instance, requestId: string | null, level: LogLevel, message: string, time: number): void {
    if (isFinal(instance.state)) return;
    if (this.#keepLogs) {
      const record = instance.current ?? instance.waiting;
      // Lines written outside any handler (module top level) belong to the request that waits for this init.
      if (record && (requestId === null || requestId === record.requestId)) {
        if (record.logs === NO_LOGS) record.logs = [];
        record.logs.push({ time, level, message });
      }
    }
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'log', time: this.clock.now(), functionName: instance.functionName, instanceId: instance.id, requestId, level, message });
    }
  }

  instanceMetrics(instance: Instance, sample: MetricSample): void {
    if (isFinal(instance.state) || this.#listeners.length === 0) return;
    this.#emit({ type: 'instance-metrics', time: sample.tMs, functionName: instance.functionName, instanceId: instance.id, sample });
  }

  instanceResult(instance: Instance, outcome: InvokeOutcome): void {
    const state = instance.state;
    // A busy instance is not in a final state: the hot path skips that lookup.
    if (state !== 'busy' && isFinal(state)) return;
    const record = instance.current;
    if (state !== 'busy' || !record || !isOutcome(outcome) || outcome.requestId !== record.requestId) {
      this.#violation(instance, 'sent a result that does not match its request');
      return;
    }
    const now = this.clock.now();
    instance.current = null;
    instance.lastDepartureMs = now;
    record.endMs = now;
    this.#bill(record, outcome.durationMs);
    const memory = outcome.usage?.maxMemoryMb;
    if (typeof memory === 'number') record.maxMemoryUsedMb = memory;
    const result = outcome.result;
    if (result.ok) {
      record.result = result.value;
    } else {
      record.status = 'error';
      record.error = result.error;
      record.statusCode = invokeStatusCode(instance.deployment.dialect, 'error');
    }
    if (instance.retired) this.#reclaim(instance, 'retired');
    else this.#becomeIdle(instance, true);
    this.#complete(record, instance.id);
  }

  instanceServiceCall(call: ServiceCall): Promise<ServiceAnswer> {
    return this.services.call(call);
  }

  instanceExited(instance: Instance, reason: ExitReason, error: ErrorInfo | undefined): void {
    if (isFinal(instance.state)) return;
    const state = instance.state;
    const current = instance.current;
    const waiting = instance.waiting;
    const named: InstanceState =
      reason === 'timeout' ? 'timed-out' : reason === 'init-error' ? 'init-failed' : reason === 'reclaimed' || reason === 'shutdown' ? 'reclaimed' : 'crashed';
    // An idle instance cannot time out or fail its init; a host that says so is reporting a crash.
    const final = canMove(state, named) ? named : 'crashed';
    this.#end(instance, final);
    if (this.#listeners.length !== 0) {
      const time = this.clock.now();
      if (final === 'timed-out' && current) {
        this.#emit({ type: 'instance-timed-out', time, functionName: instance.functionName, instanceId: instance.id, requestId: current.requestId });
      } else {
        this.#emit({ type: 'instance-crashed', time, functionName: instance.functionName, instanceId: instance.id, reason, error: error ?? null });
      }
    }
    const record = current ?? waiting;
    if (!record) return;
    const info = error ?? (reason === 'timeout' ? timeoutError(instance.deployment.timeoutMs) : exitError(reason, record.requestId));
    const status: InvocationStatus = reason === 'out-of-memory' ? 'oom' : reason === 'timeout' ? 'timeout' : reason === 'init-error' ? 'error' : 'crashed';
    this.#fail(record, status, info, state === 'busy');
    if (status === 'oom') record.maxMemoryUsedMb = record.memoryMb;
    this.#complete(record, instance.id);
  }

  deadlineTimerFired(instance: Instance): void {
    const target = instance.deadlineTimerAt;
    instance.deadlineTimer = -1;
    instance.deadlineTimerAt = -1;
    if (isFinal(instance.state) || instance.state === 'idle') return;
    // The timer was set for an earlier request's deadline; the one running now may end later.
    if (instance.deadline > target) {
      this.#armDeadline(instance);
      return;
    }
    if (instance.state === 'busy') this.#timeOut(instance);
    else this.#initTimedOut(instance);
  }

  keepAliveTimerFired(instance: Instance): void {
    const target = instance.keepAliveTimerAt;
    instance.keepAliveTimer = -1;
    instance.keepAliveTimerAt = -1;
    if (instance.state !== 'idle') return;
    // The idle timer restarted since this timer was set: wait for the new reclaim time.
    if (instance.reclaimAt <= target) this.#reclaim(instance, 'keep-alive');
    else this.#armKeepAlive(instance);
  }

  #timeOut(instance: Instance): void {
    const record = instance.current!;
    const deployment = instance.deployment;
    this.#end(instance, 'timed-out');
    this.#terminate(instance, 'timeout');
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'instance-timed-out', time: this.clock.now(), functionName: deployment.name, instanceId: instance.id, requestId: record.requestId });
    }
    this.#fail(record, 'timeout', timeoutError(deployment.timeoutMs), true);
    // A real clock fires a little late; Lambda reports the timeout itself as the duration.
    this.#bill(record, deployment.timeoutMs);
    this.#complete(record, instance.id);
  }

  #initTimedOut(instance: Instance): void {
    const waiting = instance.waiting;
    this.#end(instance, 'timed-out');
    this.#terminate(instance, 'timeout');
    const error = { errorType: 'Runtime.InitTimeout', errorMessage: `Init did not finish within ${(this.#initLimitMs / 1000).toFixed(2)} seconds` };
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'instance-crashed', time: this.clock.now(), functionName: instance.functionName, instanceId: instance.id, reason: 'timeout', error });
    }
    if (waiting) {
      this.#fail(waiting, 'timeout', error, false);
      this.#complete(waiting, instance.id);
    }
  }

  #becomeIdle(instance: Instance, afterRequest: boolean): void {
    const deployment = instance.deployment;
    const now = this.clock.now();
    const from = instance.state;
    if (from === 'busy') deployment.busy--;
    deployment.active--;
    deployment.inUse.active--;
    instance.state = 'idle';
    if (this.#observer !== null) this.#observer.instanceChanged(instance, from, now);
    if (deployment.retired) {
      this.#reclaim(instance, 'retired');
      return;
    }
    const policy = deployment.policy;
    if (afterRequest) policy.onDeparture?.(instance, now);
    if (instance.state !== 'idle') return;
    const keepMs = policy.keepAliveMs(instance, now);
    if (!(keepMs > 0)) {
      this.#reclaim(instance, 'keep-alive');
      return;
    }
    instance.reclaimAt = now + keepMs;
    instance.idleSeq = ++this.#idleSeq;
    deployment.idle.add(instance);
    if (instance.reclaimAt !== Infinity) this.#armKeepAlive(instance);
  }

  #reclaim(instance: Instance, cause: ReclaimCause): void {
    this.#end(instance, 'reclaimed');
    this.#terminate(instance, cause === 'shutdown' ? 'shutdown' : 'reclaimed');
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'instance-reclaimed', time: this.clock.now(), functionName: instance.functionName, instanceId: instance.id, cause });
    }
  }

  /** Ends an instance whatever it is doing (shutdown): a request on it fails. */
  #abort(instance: Instance, cause: ReclaimCause): void {
    if (isFinal(instance.state)) return;
    const record = instance.current ?? instance.waiting;
    const ranHandler = instance.state === 'busy';
    this.#reclaim(instance, cause);
    if (record) {
      this.#fail(record, 'crashed', { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${record.requestId} Error: the platform shut down` }, ranHandler);
      this.#complete(record, instance.id);
    }
  }

  /** Moves an instance to a final state and forgets it: out of the pool, timers cancelled, the policy told. */
  #end(instance: Instance, final: InstanceState): void {
    const deployment = instance.deployment;
    if (instance.state === 'idle') deployment.idle.remove(instance);
    else this.#unlist(instance);
    this.#move(instance, final);
    instance.current = null;
    instance.waiting = null;
    instance.waitingEvent = undefined;
    deployment.instances.delete(instance);
    if (instance.deadlineTimer !== -1) this.clock.cancel(instance.deadlineTimer);
    if (instance.keepAliveTimer !== -1) this.clock.cancel(instance.keepAliveTimer);
    instance.deadlineTimer = -1;
    instance.keepAliveTimer = -1;
    if (!deployment.retired) deployment.policy.onInstanceGone?.(instance, this.clock.now());
  }

  /** Takes a started-ahead instance off the list requests may wait on. */
  #unlist(instance: Instance): void {
    const unclaimed = instance.deployment.unclaimed;
    if (unclaimed.length === 0) return;
    const at = unclaimed.indexOf(instance);
    if (at !== -1) unclaimed.splice(at, 1);
  }

  #move(instance: Instance, to: InstanceState): void {
    const from = instance.state;
    if (!canMove(from, to)) throw new Error(`instance ${instance.id}: ${from} -> ${to} is not a lifecycle transition`);
    const deployment = instance.deployment;
    const change = (isActive(to) ? 1 : 0) - (isActive(from) ? 1 : 0);
    deployment.active += change;
    deployment.inUse.active += change;
    deployment.busy += (to === 'busy' ? 1 : 0) - (from === 'busy' ? 1 : 0);
    instance.state = to;
    if (this.#observer !== null) this.#observer.instanceChanged(instance, from, this.clock.now());
  }

  /** The instance broke the contract: it ends, its request fails, the platform carries on. */
  #violation(instance: Instance, problem: string): void {
    const record = instance.current ?? instance.waiting;
    const ranHandler = instance.state === 'busy';
    this.#end(instance, 'crashed');
    this.#terminate(instance, 'protocol-error');
    const error = { errorType: 'Runtime.ProtocolError', errorMessage: `Instance ${instance.id} ${problem}` };
    if (this.#listeners.length !== 0) {
      this.#emit({ type: 'instance-crashed', time: this.clock.now(), functionName: instance.functionName, instanceId: instance.id, reason: 'protocol-error', error });
    }
    if (record) {
      this.#fail(record, 'crashed', error, ranHandler);
      this.#complete(record, instance.id);
    }
  }

  #armDeadline(instance: Instance): void {
    if (instance.deadline === Infinity) return;
    // One timer per instance, not per request: a timer set for an earlier deadline re-arms itself when it fires.
    if (instance.deadlineTimer !== -1 && instance.deadlineTimerAt <= instance.deadline) return;
    if (instance.deadlineTimer !== -1) this.clock.cancel(instance.deadlineTimer);
    instance.deadlineTimerAt = instance.deadline;
    instance.deadlineTimer = this.clock.schedule(instance.deadline, instance.fireDeadline);
  }

  #armKeepAlive(instance: Instance): void {
    if (instance.keepAliveTimer !== -1 && instance.keepAliveTimerAt <= instance.reclaimAt) return;
    if (instance.keepAliveTimer !== -1) this.clock.cancel(instance.keepAliveTimer);
    instance.keepAliveTimerAt = instance.reclaimAt;
    instance.keepAliveTimer = this.clock.schedule(instance.reclaimAt, instance.fireKeepAlive);
  }

  #send(instance: Instance, request: InvokeRequest): void {
    const handle = instance.handle;
    if (handle === null) {
      instance.deferredInvoke = request;
      return;
    }
    try {
      handle.invoke(request);
    } catch (thrown) {
      this.instanceExited(instance, 'crash', { errorType: 'Runtime.ExitError', errorMessage: `The instance refused the request: ${describe(thrown)}` });
    }
  }

  #terminate(instance: Instance, reason: ExitReason): void {
    const handle = instance.handle;
    if (handle === null) {
      instance.deferredTerminate = reason;
      return;
    }
    try {
      handle.terminate(reason);
    } catch {
      // The instance is already forgotten; a host that fails to end it cannot hurt the platform.
    }
  }

  // ---- functions and policies ----

  #retire(deployment: Deployment, cause: ReclaimCause): void {
    deployment.retired = true;
    deployment.policy.detach?.();
    for (const instance of [...deployment.instances]) {
      instance.retired = true;
      const unused = instance.state === 'idle' || ((instance.state === 'starting' || instance.state === 'initializing') && !instance.waiting);
      if (unused) this.#reclaim(instance, cause);
    }
  }

  #controlFor(deployment: Deployment): PolicyControl {
    return {
      functionName: deployment.name,
      clock: this.clock,
      prewarm: (count, options) => {
        const provisioned = options?.provisioned === true;
        let started = 0;
        while (started < count && !deployment.retired && !this.#closed && deployment.inUse.active < deployment.maxConcurrency) {
          if (!provisioned && this.#limiter && !this.#limiter.tryStart(this.clock.now())) break;
          const instance = this.#startInstance(deployment, provisioned ? 'provisioned' : 'prewarm', provisioned, null, undefined);
          if (this.#routeToStarting && !isFinal(instance.state) && instance.state !== 'idle') deployment.unclaimed.push(instance);
          started++;
        }
        return started;
      },
      reclaimIdle: (count) => {
        let reclaimed = 0;
        while (reclaimed < count && deployment.idle.size > 0) {
          let oldest = deployment.idle.members[0]!;
          for (const i of deployment.idle.members) if (i.seq < oldest.seq) oldest = i;
          this.#reclaim(oldest, 'policy');
          reclaimed++;
        }
        return reclaimed;
      },
      counts: () => countsOf(deployment),
    };
  }

  #deployment(name: string): Deployment {
    this.#assertOpen();
    const deployment = this.#functions.get(name);
    if (!deployment) throw new Error(`No function named "${name}" is deployed`);
    return deployment;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The platform has been shut down');
  }

  #emit(event: PlatformEvent): void {
    const listeners = this.#listeners;
    for (let i = 0; i < listeners.length; i++) this.#safely(listeners[i]!, event);
  }

  /** A listener that throws must not leave the platform half-way through a change; its error surfaces later. */
  #safely<T>(listener: (value: T) => void, value: T): void {
    try {
      listener(value);
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown;
      });
    }
  }
}

/** Resets a released record to what a request arriving at `now` starts with (the literal in #arrive). */
function refill(record: InvocationRecord, requestId: string, deployment: Deployment, now: number): InvocationRecord {
  record.requestId = requestId;
  record.functionName = deployment.name;
  record.dialect = deployment.dialect;
  record.instanceId = null;
  record.startKind = 'cold';
  record.status = 'ok';
  record.arrivalMs = now;
  record.startMs = now;
  record.endMs = now;
  record.phases = null;
  record.durationMs = 0;
  record.billedDurationMs = 0;
  record.billedInitMs = 0;
  record.memoryMb = deployment.memoryMb;
  record.gbSeconds = 0;
  record.maxMemoryUsedMb = null;
  record.result = undefined;
  record.error = null;
  record.throttle = null;
  record.statusCode = 200;
  record.logs = NO_LOGS;
  return record;
}

function defaultPolicy(config: FunctionConfig): KeepAlivePolicy {
  const keepAlive = fixedKeepAlive(config.keepAliveS ?? DEFAULT_KEEP_ALIVE_S);
  const provisioned = config.provisionedConcurrency ?? 0;
  return provisioned > 0 ? provisionedConcurrency(provisioned, keepAlive) : keepAlive;
}

function isActive(state: InstanceState): boolean {
  return state === 'starting' || state === 'initializing' || state === 'busy';
}

function countsOf(deployment: Deployment): InstanceCounts {
  return { starting: deployment.active - deployment.busy, idle: deployment.idle.size, busy: deployment.busy };
}

function snapshot(instance: InstanceInfo & { reclaimAt: number }): InstanceSnapshot {
  return {
    id: instance.id,
    functionName: instance.functionName,
    state: instance.state,
    createdAt: instance.createdAt,
    readyAt: instance.readyAt,
    provisioned: instance.provisioned,
    invocations: instance.invocations,
    lastDepartureMs: instance.lastDepartureMs,
    reclaimAt: instance.state === 'idle' ? instance.reclaimAt : Infinity,
  };
}

function isOutcome(value: unknown): value is InvokeOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as Partial<InvokeOutcome>;
  if (typeof outcome.durationMs !== 'number' || !(outcome.durationMs >= 0)) return false;
  const result = outcome.result as { ok?: unknown; error?: unknown } | undefined;
  if (typeof result !== 'object' || result === null) return false;
  if (result.ok === true) return true;
  const error = result.error as Partial<ErrorInfo> | undefined;
  return result.ok === false && typeof error === 'object' && error !== null && typeof error.errorType === 'string' && typeof error.errorMessage === 'string';
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
