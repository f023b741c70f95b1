import type { Clock, TimerId } from '../../../playground/faas/clock.ts';

interface Timer {
  id: TimerId;
  at: number;
  fire: () => void;
}

/** A clock the test moves by hand: timers fire in time order (ties in the order they were set) as time advances. */
export class ManualClock implements Clock {
  #now = 0;
  #nextId = 1;
  #timers: Timer[] = [];

  now(): number {
    return this.#now;
  }

  schedule(atMs: number, fire: () => void): TimerId {
    const id = this.#nextId++;
    this.#timers.push({ id, at: Math.max(atMs, this.#now), fire });
    return id;
  }

  cancel(id: TimerId): void {
    this.#timers = this.#timers.filter((t) => t.id !== id);
  }

  /** Timers set and not yet fired or cancelled. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way (including ones they set). */
  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  advanceTo(time: number): void {
    for (;;) {
      const next = this.#earliest();
      if (!next || next.at > time) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = next.at;
      next.fire();
    }
    this.#now = Math.max(this.#now, time);
  }

  /** Fires timers until none are left (guarded against a timer loop). */
  runAll(limit = 100_000): void {
    for (let i = 0; i < limit; i++) {
      const next = this.#earliest();
      if (!next) return;
      this.advanceTo(next.at);
    }
    throw new Error('timers keep setting timers');
  }

  #earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }
}
