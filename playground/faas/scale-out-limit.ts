/** At most `instances` cold starts in any `windowMs` of clock time (Lambda: 1,000 per 10 s per function; SCF: 500 per minute). */
export interface ScaleOutLimit {
  instances: number;
  windowMs: number;
}

/** A sliding window over the last `instances` start times, kept in a ring: one comparison per start. */
export class ScaleOutLimiter {
  readonly limit: ScaleOutLimit;
  readonly #starts: Float64Array;
  #next = 0;

  constructor(limit: ScaleOutLimit) {
    this.limit = limit;
    this.#starts = new Float64Array(Math.max(0, Math.floor(limit.instances))).fill(-Infinity);
  }

  /** Records a start at `now` if the window allows one. */
  tryStart(now: number): boolean {
    const starts = this.#starts;
    if (starts.length === 0) return false;
    // The oldest of the last N starts must have left the window.
    if (starts[this.#next]! > now - this.limit.windowMs) return false;
    starts[this.#next] = now;
    this.#next = (this.#next + 1) % starts.length;
    return true;
  }
}
