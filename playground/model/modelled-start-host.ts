import type { Clock } from '../faas/clock.ts';
import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeRequest, StartPhases } from '../faas/instance-host.ts';
import type { ModelledDurations } from '../faas/phases.ts';
import { modelledTotalMs, ModelledStart, platformProfile } from './platform-profiles.ts';
import type { PlatformProfileName } from './platform-profiles.ts';
import type { Random } from './random.ts';

/**
 * Gives live instances a real platform's cold start: before the real host starts an instance, the clock runs
 * through the chosen profile's modelled phases (placement, micro-VM, code download, VPC), drawn for the package's
 * size. The instance reports them beside its measured phases, as `modelled`, so they count in the request's
 * latency and never in its measured init. With the `local` profile the real host is called directly.
 */
export class ModelledStartHost implements InstanceHost {
  readonly #inner: InstanceHost;
  readonly #clock: Clock;
  readonly #profile: () => PlatformProfileName;
  readonly #random: Random;
  #cached: { key: string; start: ModelledStart } | undefined;

  /** `profile` is read at each start, so a setting may change between instances. */
  constructor(inner: InstanceHost, clock: Clock, profile: () => PlatformProfileName, random: Random) {
    this.#inner = inner;
    this.#clock = clock;
    this.#profile = profile;
    this.#random = random;
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    const start = this.#modelledStart(spec);
    if (start.empty) return this.#inner.start(spec, listener);
    const modelled = start.draw(this.#random);
    const reporting = withModelled(listener, modelled);
    const totalMs = modelledTotalMs(modelled);

    const clock = this.#clock;
    let handle: InstanceHandle | null = null;
    let queued: InvokeRequest[] = [];
    let ended = false;
    const timer = clock.schedule(clock.now() + totalMs, () => {
      if (ended) return;
      handle = this.#inner.start(spec, reporting);
      const requests = queued;
      queued = [];
      for (const request of requests) handle.invoke(request);
    });
    return {
      invoke(request) {
        if (handle) handle.invoke(request);
        else queued.push(request);
      },
      terminate(reason: ExitReason) {
        if (handle) {
          handle.terminate(reason);
          return;
        }
        if (ended) return;
        ended = true;
        clock.cancel(timer);
        // Ended during the modelled phases: no real instance exists to report its end, so this host does.
        clock.schedule(clock.now(), () => listener.onExit(reason));
      },
    };
  }

  #modelledStart(spec: InstanceSpec): ModelledStart {
    const name = this.#profile();
    const bytes = packageBytes(spec);
    const key = `${name}:${bytes}`;
    if (this.#cached?.key !== key) this.#cached = { key, start: new ModelledStart(platformProfile(name), bytes) };
    return this.#cached.start;
  }
}

/** What would be downloaded: the bundle and the files beside it (characters, close enough to bytes for code). */
function packageBytes(spec: InstanceSpec): number {
  let bytes = spec.bundle.length;
  for (const text of Object.values(spec.files)) bytes += text.length;
  return bytes;
}

function withModelled(listener: InstanceListener, modelled: ModelledDurations): InstanceListener {
  const add = (phases: StartPhases): StartPhases => ({ ...phases, modelled });
  return new Proxy(listener, {
    get(target, key, receiver) {
      if (key === 'onReady') return (phases: StartPhases) => target.onReady(add(phases));
      if (key === 'onInitError') return (error: Parameters<InstanceListener['onInitError']>[0], phases: StartPhases) => target.onInitError(error, add(phases));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
