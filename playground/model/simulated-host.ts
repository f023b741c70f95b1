import type { Clock } from '../faas/clock.ts';
import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeOutcome, InvokeRequest, StartPhases } from '../faas/instance-host.ts';
import type { Distribution } from './distributions.ts';
import type { Random } from './random.ts';

export interface SimulatedTimes {
  /** Response time of a request served by an idle instance, seconds. */
  warm: Distribution;
  /**
   * Response time of the request that made the platform start an instance: start-up and execution together, drawn
   * whole (SimFaaS's model, which was fitted to measured Lambda response times).
   */
  cold: Distribution;
  /** Time for an instance started ahead of traffic (pre-warm, provisioned) to become ready, seconds. */
  startup: Distribution;
}

const NO_PHASES: StartPhases = { spawnMs: 0, loadMs: 0, initMs: 0 };

/**
 * Instances that do no work: durations are drawn from distributions and reported on the virtual clock. An instance
 * started for a waiting request is ready at once and its first request takes a cold time; later requests take warm
 * times. Nothing per request is allocated here: each instance reuses one outcome object.
 */
export class SimulatedInstanceHost implements InstanceHost {
  readonly #clock: Clock;
  readonly #times: SimulatedTimes;
  readonly #random: Random;

  constructor(clock: Clock, times: SimulatedTimes, random: Random) {
    this.#clock = clock;
    this.#times = times;
    this.#random = random;
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    const clock = this.#clock;
    const times = this.#times;
    const random = this.#random;
    const outcome: InvokeOutcome = { requestId: '', durationMs: 0, usage: {}, result: { ok: true, value: null } };
    let pending = -1;
    let exited = false;
    let nextIsCold = spec.startCause === 'request';
    const finish = (): void => {
      pending = -1;
      listener.onResult(outcome);
    };
    if (nextIsCold) {
      listener.onReady(NO_PHASES);
    } else {
      const startupMs = times.startup.sample(random) * 1000;
      pending = clock.schedule(clock.now() + startupMs, () => {
        pending = -1;
        listener.onReady({ spawnMs: 0, loadMs: 0, initMs: startupMs });
      });
    }
    return {
      invoke(request: InvokeRequest) {
        const durationMs = (nextIsCold ? times.cold : times.warm).sample(random) * 1000;
        nextIsCold = false;
        outcome.requestId = request.requestId;
        outcome.durationMs = durationMs;
        pending = clock.schedule(clock.now() + durationMs, finish);
      },
      terminate(reason: ExitReason) {
        if (exited) return;
        exited = true;
        if (pending !== -1) clock.cancel(pending);
        clock.schedule(clock.now(), () => listener.onExit(reason));
      },
    };
  }
}
