/**
 * Tells a live sandbox frame from a dead one. When a worker runs the frame's renderer process out of memory,
 * Chromium ends that process without a word to the page: no event on the iframe, and the MessagePort `close` event
 * fires only behind a flag (Chromium 156: `--enable-blink-features=MessagePortCloseEvent`). So the page pings the
 * frame on a MessagePort and the frame answers at once; a frame that leaves `missedBeats` pings in a row unanswered
 * for `deadAfterMs` is dead. Counting the page's own pings as well as time keeps a page that was frozen or
 * throttled in a background tab (its timers late, the frame's answers waiting) from judging on one late tick.
 */
export interface LivenessOptions {
  intervalMs: number;
  deadAfterMs: number;
  missedBeats: number;
}

/** A frame's main thread is idle (the instances run in workers), so it answers in well under a millisecond. */
export const FRAME_LIVENESS: LivenessOptions = { intervalMs: 250, deadAfterMs: 2000, missedBeats: 6 };

export class FrameLiveness {
  readonly #options: LivenessOptions;
  /** Send times of the pings not answered yet, oldest first, and the number of the first of them. */
  readonly #unanswered: number[] = [];
  #firstUnanswered = 1;
  #next = 1;

  constructor(options: LivenessOptions = FRAME_LIVENESS) {
    this.#options = options;
  }

  /** Records a ping sent at `now`; returns its number, which the frame echoes. */
  ping(now: number): number {
    this.#unanswered.push(now);
    return this.#next++;
  }

  /** The frame answered ping `n`, so it also lived for every ping before it. */
  pong(n: number): void {
    if (!Number.isInteger(n) || n < this.#firstUnanswered || n >= this.#next) return;
    this.#unanswered.splice(0, n - this.#firstUnanswered + 1);
    this.#firstUnanswered = n + 1;
  }

  isDead(now: number): boolean {
    const oldest = this.#unanswered[0];
    return oldest !== undefined && this.#unanswered.length >= this.#options.missedBeats && now - oldest >= this.#options.deadAfterMs;
  }
}
