import type { Clock, TimerId } from '../faas/clock.ts';
import { TimerHeap } from './timer-heap.ts';

/**
 * Timers due this far ahead or more wait in a heap of their own. In a model run those are the platform's
 * keep-alive and timeout timers, which re-arm themselves and rarely fire; kept apart, they leave the heap that
 * every request's completion goes through a third of the size.
 */
const FAR_MS = 60_000;

/**
 * Events outside the timer heaps whose source knows when the next one comes: model mode's arrivals, one draw
 * ahead. Kept out of the heaps, they halve the heap work per request; run by the clock's own loop, they cost no
 * call into it per arrival.
 */
export interface EventStream {
  /** When the next event is due; Infinity when no more come. */
  readonly nextAt: number;
  /** Handles the event due at nextAt (the clock is set to it) and moves nextAt on. */
  fire(): void;
}

const NO_STREAM: EventStream = { nextAt: Infinity, fire() {} };

/**
 * Model mode's clock: a discrete-event loop over timers ordered by (time, id), so timers due at the same moment
 * fire in the order they were scheduled and a run is the same for the same seed. Time only moves when the loop
 * takes the next timer, the earlier of the two heaps' tops. Cancelled timers are skipped when they reach the top
 * (lazy deletion), which keeps cancel O(1); the platform cancels rarely because its timers re-arm themselves.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #nextId = 0;
  readonly #near = new TimerHeap();
  readonly #far = new TimerHeap();
  readonly #cancelled = new Set<number>();
  /**
   * The largest cancelled id. The set is seldom empty (an ended instance's timeout timer waits up to 15 minutes to
   * surface), but the timers most events fire, request completions, were set after it, so they skip the lookup.
   */
  #newestCancelled = 0;
  #fired = 0;
  #stream: EventStream = NO_STREAM;

  now(): number {
    return this.#now;
  }

  /** Timers that have fired so far (the simulation's event count). */
  get fired(): number {
    return this.#fired;
  }

  /** Timers still waiting, cancelled ones included until they surface. */
  get pending(): number {
    return this.#near.size + this.#far.size;
  }

  schedule(atMs: number, fire: () => void): TimerId {
    const id = ++this.#nextId;
    // A timer in the past fires now: the clock never runs backwards.
    const at = atMs > this.#now ? atMs : this.#now;
    (at - this.#now < FAR_MS ? this.#near : this.#far).push(at, id, fire);
    return id;
  }

  cancel(id: TimerId): void {
    if (id > 0 && id <= this.#nextId) {
      this.#cancelled.add(id);
      if (id > this.#newestCancelled) this.#newestCancelled = id;
    }
  }

  /**
   * Feeds a stream's events into runUntil beside the timers (one stream; a later call replaces it). Each fires at
   * its time, after any timer due at the same moment, as SimFaaS lets instance transitions win ties.
   */
  follow(stream: EventStream): void {
    this.#stream = stream;
  }

  /**
   * Fires every timer and stream event due before `endMs` (or at it too, when `inclusive`), in order, then sets the
   * clock to `endMs`. Returns false when it stopped early because `maxEvents` of them fired (call again to continue).
   */
  runUntil(endMs: number, inclusive = false, maxEvents = Infinity): boolean {
    const cancelled = this.#cancelled;
    const near = this.#near;
    const far = this.#far;
    const stream = this.#stream;
    let budget = maxEvents;
    for (;;) {
      let heap = near;
      if (far.size !== 0 && (near.size === 0 || far.at[0]! < near.at[0]! || (far.at[0] === near.at[0] && far.ids[0]! < near.ids[0]!))) heap = far;
      const at = heap.size !== 0 ? heap.at[0]! : Infinity;
      const streamAt = stream.nextAt;
      if (streamAt < at) {
        if (!(streamAt < endMs || (inclusive && streamAt === endMs))) break;
        if (budget-- <= 0) return false;
        this.#now = streamAt;
        stream.fire();
        continue;
      }
      if (heap.size === 0 || !(at < endMs || (inclusive && at === endMs))) break;
      if (budget-- <= 0) return false;
      const id = heap.ids[0]!;
      const fire = heap.fires[0]!;
      heap.pop();
      if (id <= this.#newestCancelled && cancelled.delete(id)) continue;
      this.#now = at;
      this.#fired++;
      fire();
    }
    if (endMs > this.#now && endMs !== Infinity) this.#now = endMs;
    return true;
  }
}
