/** Lambda bills in 1 ms steps, rounding up; a handler that ran at all is billed at least 1 ms. */
export function billedDurationMs(durationMs: number): number {
  if (!(durationMs > 0)) return 0;
  return Math.ceil(durationMs);
}

/** Compute charge unit: billed seconds times configured memory in GB (1 GB = 1024 MB). */
export function gbSeconds(billedMs: number, memoryMb: number): number {
  return (billedMs / 1000) * (memoryMb / 1024);
}
