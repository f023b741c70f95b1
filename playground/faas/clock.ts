/**
 * The one seam between the scheduler and time. Live mode passes a real clock (wall time, real timers);
 * model mode passes a virtual clock driven by a discrete-event loop. The scheduler never reads time any
 * other way, so the same policy code runs under both.
 *
 * Times are milliseconds. A clock's zero is arbitrary (the virtual clock starts at 0).
 */
export interface Clock {
  now(): number;
  /** Runs `fire` once at `atMs` (or as soon as possible after it). */
  schedule(atMs: number, fire: () => void): TimerId;
  /** Cancelling a timer that already fired or was cancelled is a no-op. */
  cancel(id: TimerId): void;
}

export type TimerId = number;
