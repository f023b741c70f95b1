import type { Clock, TimerId } from '../faas/clock.ts';

/**
 * Model mode's clock: a discrete-event loop over a binary heap of timers ordered by (time, id), so timers due at
 * the same moment fire in the order they were scheduled and a run is the same for the same seed. Time only moves
 * when the loop takes the next timer. Cancelled timers are skipped when they reach the top (lazy deletion), which
 * keeps cancel O(1); the platform cancels rarely because its timers re-arm themselves.
 *
 * The heap is three parallel arrays rather than an array of objects: no allocation per timer beyond the callback
 * the caller already has.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #nextId = 0;
  #size = 0;
  #at = new Float64Array(64);
  #ids = new Float64Array(64);
  #fire: (() => void)[] = [];
  readonly #cancelled = new Set<number>();
  #fired = 0;

  now(): number {
    return this.#now;
  }

  /** Timers that have fired so far (the simulation's event count). */
  get fired(): number {
    return this.#fired;
  }

  /** Timers still waiting, cancelled ones included until they surface. */
  get pending(): number {
    return this.#size;
  }

  schedule(atMs: number, fire: () => void): TimerId {
    const id = ++this.#nextId;
    // A timer in the past fires now: the clock never runs backwards.
    const at = atMs > this.#now ? atMs : this.#now;
    if (this.#size === this.#at.length) this.#grow();
    this.#rise(this.#size++, at, id, fire);
    return id;
  }

  cancel(id: TimerId): void {
    if (id > 0 && id <= this.#nextId) this.#cancelled.add(id);
  }

  /**
   * Fires every timer due before `endMs` (or at it too, when `inclusive`), in order, then sets the clock to `endMs`.
   * Returns false when it stopped early because `maxEvents` timers fired (call again to continue).
   */
  runUntil(endMs: number, inclusive = false, maxEvents = Infinity): boolean {
    const cancelled = this.#cancelled;
    let budget = maxEvents;
    while (this.#size !== 0 && (this.#at[0]! < endMs || (inclusive && this.#at[0] === endMs))) {
      if (budget-- <= 0) return false;
      const at = this.#at[0]!;
      const id = this.#ids[0]!;
      const fire = this.#fire[0]!;
      this.#pop();
      if (cancelled.size !== 0 && cancelled.delete(id)) continue;
      this.#now = at;
      this.#fired++;
      fire();
    }
    if (endMs > this.#now && endMs !== Infinity) this.#now = endMs;
    return true;
  }

  #grow(): void {
    const at = new Float64Array(this.#at.length * 2);
    at.set(this.#at);
    this.#at = at;
    const ids = new Float64Array(this.#ids.length * 2);
    ids.set(this.#ids);
    this.#ids = ids;
  }

  /**
   * Removes the top timer, bottom-up (Floyd): the hole at the root sinks to a leaf along the earlier child, one
   * comparison a level, and the last timer rises into it from there. It usually belongs near the bottom, so this
   * costs about half the comparisons of sifting it down from the root.
   */
  #pop(): void {
    const times = this.#at;
    const ids = this.#ids;
    const fires = this.#fire;
    const n = --this.#size;
    const at = times[n]!;
    const id = ids[n]!;
    const fire = fires[n]!;
    fires[n] = NO_TIMER;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child =
        right < n && (times[right]! < times[left]! || (times[right] === times[left] && ids[right]! < ids[left]!)) ? right : left;
      times[i] = times[child]!;
      ids[i] = ids[child]!;
      fires[i] = fires[child]!;
      i = child;
    }
    this.#rise(i, at, id, fire);
  }

  /** Puts a timer in the empty slot `hole`, moving down each parent due after it. */
  #rise(hole: number, at: number, id: number, fire: () => void): void {
    const times = this.#at;
    const ids = this.#ids;
    const fires = this.#fire;
    let i = hole;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentAt = times[parent]!;
      if (parentAt < at || (parentAt === at && ids[parent]! < id)) break;
      times[i] = parentAt;
      ids[i] = ids[parent]!;
      fires[i] = fires[parent]!;
      i = parent;
    }
    times[i] = at;
    ids[i] = id;
    fires[i] = fire;
  }
}

/** Fills freed slots so the heap does not keep fired callbacks (and what they close over) alive. */
function NO_TIMER(): void {}
