/** One request of a load run, reduced to what the summary counts. */
export interface LoadSample {
  outcome: 'ok' | 'failed' | 'throttled';
  cold: boolean;
  instanceId?: string;
  /** For a failed request: the error's type, as the platform reports it (Sandbox.Timedout, Runtime.ImportModuleError, TypeError). */
  errorType?: string;
  /** From the client's send to the answer. */
  latencyMs: number;
  billedMs: number;
  memoryMb: number;
}

export interface LoadSummary {
  requests: number;
  ok: number;
  failed: number;
  throttled: number;
  /** Failed requests by error type, most frequent first; they add up to `failed`. */
  failuresByType: Record<string, number>;
  coldStarts: number;
  instancesStarted: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  billedGbSeconds: number;
  wallMs: number;
}

/** Counts a load run: every request lands in exactly one of ok, failed and throttled. */
export function summarise(samples: LoadSample[], wallMs: number, instancesStarted?: number): LoadSummary {
  const served = samples.filter((s) => s.outcome !== 'throttled').map((s) => s.latencyMs).sort((a, b) => a - b);
  return {
    requests: samples.length,
    ok: samples.filter((s) => s.outcome === 'ok').length,
    failed: samples.filter((s) => s.outcome === 'failed').length,
    throttled: samples.filter((s) => s.outcome === 'throttled').length,
    failuresByType: countByType(samples.filter((s) => s.outcome === 'failed')),
    coldStarts: samples.filter((s) => s.cold).length,
    instancesStarted: instancesStarted ?? new Set(samples.flatMap((s) => (s.instanceId ? [s.instanceId] : []))).size,
    latencyMs: { p50: percentile(served, 0.5), p95: percentile(served, 0.95), p99: percentile(served, 0.99), max: served.at(-1) ?? 0 },
    // Billing: billed milliseconds times the memory size in GB, as both Lambda and SCF price compute.
    billedGbSeconds: samples.reduce((sum, s) => sum + (s.billedMs / 1000) * (s.memoryMb / 1024), 0),
    wallMs,
  };
}

function countByType(failed: LoadSample[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const sample of failed) counts.set(sample.errorType ?? 'unknown', (counts.get(sample.errorType ?? 'unknown') ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Nearest-rank percentile of an ascending list; 0 for an empty one. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export function formatSummary(s: LoadSummary): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `requests      ${s.requests}  (ok ${s.ok}, failed ${s.failed}, throttled ${s.throttled})`,
    ...(s.failed > 0 ? [`failures      ${Object.entries(s.failuresByType).map(([type, n]) => `${type} ${n}`).join(', ')}`] : []),
    `cold starts   ${s.coldStarts}`,
    `instances     ${s.instancesStarted} started`,
    `latency       p50 ${ms(s.latencyMs.p50)}  p95 ${ms(s.latencyMs.p95)}  p99 ${ms(s.latencyMs.p99)}  max ${ms(s.latencyMs.max)}`,
    `billed        ${s.billedGbSeconds.toFixed(6)} GB-s`,
    `wall time     ${(s.wallMs / 1000).toFixed(2)} s  (${(s.requests / Math.max(s.wallMs / 1000, 1e-9)).toFixed(1)} req/s)`,
    '',
  ].join('\n');
}
