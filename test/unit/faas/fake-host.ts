import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeRequest, StartPhases } from '../../../playground/faas/instance-host.ts';
import type { ErrorInfo } from '../../../playground/faas/protocol.ts';
import type { ManualClock } from './manual-clock.ts';

/** Module state of one fake instance: created by its init, kept across its invocations. */
export interface ModuleState {
  instanceId: string;
  invocations: number;
}

/** What a fake handler does with one event. */
export type FakeResponse =
  | { kind: 'ok'; value: unknown; durationMs: number; maxMemoryMb?: number; logs?: string[] }
  | { kind: 'error'; error: ErrorInfo; durationMs: number }
  | { kind: 'exit'; reason: ExitReason; error?: ErrorInfo; afterMs: number }
  | { kind: 'hang' }
  | { kind: 'garbage'; afterMs: number; outcome: unknown };

export interface FakeFunction {
  phases?: StartPhases;
  /** Returns an error to fail the init; called once per instance. */
  init?: (state: ModuleState) => ErrorInfo | undefined;
  initLogs?: string[];
  handle: (event: unknown, state: ModuleState) => FakeResponse;
}

export const DEFAULT_PHASES: StartPhases = { spawnMs: 5, loadMs: 10, initMs: 40 };

/**
 * An InstanceHost whose instances are scripted and run on the test's clock: init takes the phases' total, a
 * request takes its response's durationMs. It records what the platform asked of it.
 */
export class FakeHost implements InstanceHost {
  readonly started: InstanceSpec[] = [];
  readonly terminated: { instanceId: string; reason: ExitReason }[] = [];
  readonly inits: string[] = [];
  readonly #kill = new Map<string, (reason: ExitReason, error?: ErrorInfo) => void>();
  readonly #clock: ManualClock;
  readonly #functions: Record<string, FakeFunction>;

  constructor(clock: ManualClock, functions: Record<string, FakeFunction>) {
    this.#clock = clock;
    this.#functions = functions;
  }

  /** The instance dies on its own now, as a worker does when it crashes or runs out of memory. */
  kill(instanceId: string, reason: ExitReason, error?: ErrorInfo): void {
    const exit = this.#kill.get(instanceId);
    if (!exit) throw new Error(`no live fake instance ${instanceId}`);
    exit(reason, error);
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    this.started.push(spec);
    const clock = this.#clock;
    const fn = this.#functions[spec.functionName];
    if (!fn) throw new Error(`fake host knows no function ${spec.functionName}`);
    const phases = fn.phases ?? DEFAULT_PHASES;
    const state: ModuleState = { instanceId: spec.instanceId, invocations: 0 };
    let alive = true;
    let timer = -1;
    const exit = (reason: ExitReason, error?: ErrorInfo): void => {
      if (!alive) return;
      alive = false;
      this.#kill.delete(spec.instanceId);
      clock.cancel(timer);
      if (error) listener.onExit(reason, error);
      else listener.onExit(reason);
    };
    this.#kill.set(spec.instanceId, exit);
    clock.schedule(clock.now() + phases.spawnMs + phases.loadMs, () => {
      if (alive) listener.onInitializing?.();
    });
    timer = clock.schedule(clock.now() + phases.spawnMs + phases.loadMs + phases.initMs, () => {
      if (!alive) return;
      this.inits.push(spec.instanceId);
      for (const line of fn.initLogs ?? []) listener.onLog(null, 'info', line, clock.now());
      const error = fn.init?.(state);
      if (error) listener.onInitError(error, phases);
      else listener.onReady(phases);
    });
    return {
      invoke: (request: InvokeRequest) => {
        if (!alive) return;
        state.invocations++;
        const response = fn.handle(request.event, state);
        if (response.kind === 'hang') return;
        if (response.kind === 'exit') {
          timer = clock.schedule(clock.now() + response.afterMs, () => exit(response.reason, response.error));
          return;
        }
        if (response.kind === 'garbage') {
          timer = clock.schedule(clock.now() + response.afterMs, () => {
            if (alive) listener.onResult(response.outcome as never);
          });
          return;
        }
        timer = clock.schedule(clock.now() + response.durationMs, () => {
          if (!alive) return;
          if (response.kind === 'ok') {
            for (const line of response.logs ?? []) listener.onLog(request.requestId, 'info', line, clock.now());
            const usage = response.maxMemoryMb === undefined ? {} : { maxMemoryMb: response.maxMemoryMb };
            listener.onResult({ requestId: request.requestId, durationMs: response.durationMs, usage, result: { ok: true, value: response.value } });
          } else {
            listener.onResult({ requestId: request.requestId, durationMs: response.durationMs, usage: {}, result: { ok: false, error: response.error } });
          }
        });
      },
      terminate: (reason: ExitReason) => {
        this.terminated.push({ instanceId: spec.instanceId, reason });
        clock.schedule(clock.now(), () => exit(reason));
      },
    };
  }
}

/** A handler that answers `value` after `durationMs`. */
export function answers(value: unknown, durationMs = 100): FakeFunction {
  return { handle: () => ({ kind: 'ok', value, durationMs }) };
}
