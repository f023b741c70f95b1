/**
 * Lambda bills in 1 ms steps, rounding up, and a handler that ran at all is billed at least 1 ms, even when a
 * coarse timer (the browser's) measured it as 0 ms. Callers only ask for handlers that ran.
 */
export function billedDurationMs(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs));
}

/** Compute charge unit: billed seconds times configured memory in GB (1 GB = 1024 MB). */
export function gbSeconds(billedMs: number, memoryMb: number): number {
  return (billedMs / 1000) * (memoryMb / 1024);
}
