import type { Clock, TimerId } from './clock.ts';

/**
 * Wall time for live mode, in epoch milliseconds with sub-millisecond resolution, so clock times agree with the
 * time stamps hosts put on log lines and with Date. Timers are setTimeout; cancelled ones are cleared at once so
 * a finished CLI run leaves nothing that keeps Node alive.
 */
export class RealClock implements Clock {
  readonly #timers = new Map<TimerId, ReturnType<typeof setTimeout>>();
  #nextId = 1;

  now(): number {
    return performance.timeOrigin + performance.now();
  }

  schedule(atMs: number, fire: () => void): TimerId {
    const id = this.#nextId++;
    const timer = setTimeout(() => {
      this.#timers.delete(id);
      fire();
    }, Math.max(0, atMs - this.now()));
    this.#timers.set(id, timer);
    return id;
  }

  cancel(id: TimerId): void {
    const timer = this.#timers.get(id);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(id);
  }

  /** How many timers are still waiting. */
  get pending(): number {
    return this.#timers.size;
  }
}
