import type { Clock, TimerId } from '../faas/clock.ts';

/** A clock whose leftover timers (keep-alive reclaims, deadlines) can all be cancelled, so the CLI exits when done. */
export class ClosableClock implements Clock {
  readonly #inner: Clock;
  readonly #pending = new Set<TimerId>();

  constructor(inner: Clock) {
    this.#inner = inner;
  }

  now(): number {
    return this.#inner.now();
  }

  schedule(atMs: number, fire: () => void): TimerId {
    const id: TimerId = this.#inner.schedule(atMs, () => {
      this.#pending.delete(id);
      fire();
    });
    this.#pending.add(id);
    return id;
  }

  cancel(id: TimerId): void {
    this.#pending.delete(id);
    this.#inner.cancel(id);
  }

  close(): void {
    for (const id of this.#pending) this.#inner.cancel(id);
    this.#pending.clear();
  }
}
