import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec } from '../../faas/instance-host.ts';
import type { ProfileOutcome } from '../../faas/protocol.ts';

/**
 * Lets the playground profile one invocation without the Platform knowing: wraps the page's instance host so that,
 * once armed, the next request any instance is given carries `profile: true`, and hands that request's profile
 * (or the instance's reason for having none) to whoever armed it.
 */
export class ProfilingHost implements InstanceHost {
  readonly #inner: InstanceHost;
  #armed = false;
  readonly #received = new Map<string, ProfileOutcome>();

  constructor(inner: InstanceHost) {
    this.#inner = inner;
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    const heard = new Proxy(listener, {
      get: (target, key, receiver) => {
        if (key === 'onProfile') return (requestId: string, outcome: ProfileOutcome) => this.#heard(requestId, outcome);
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const handle = this.#inner.start(spec, heard);
    return {
      invoke: (request) => {
        const armed = this.#armed;
        this.#armed = false;
        handle.invoke(armed ? { ...request, profile: true } : request);
      },
      terminate: (reason) => handle.terminate(reason),
    };
  }

  /** Marks the next request sent to any instance for profiling (until `take`). */
  arm(): void {
    this.#armed = true;
  }

  /**
   * The profile of `requestId` once its invocation has settled (an instance sends it before the result), or
   * undefined when none came: the request never reached an instance, or the instance ended first. Disarms.
   */
  take(requestId: string): ProfileOutcome | undefined {
    this.#armed = false;
    const outcome = this.#received.get(requestId);
    this.#received.clear();
    return outcome;
  }

  #heard(requestId: string, outcome: ProfileOutcome): void {
    this.#received.set(requestId, outcome);
  }
}
