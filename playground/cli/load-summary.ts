import { gbSeconds } from '../faas/billing.ts';

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
  /** A cold start's Init Duration (phases.ts); absent on warm starts. */
  initDurationMs?: number;
  /** The part of billedMs that was init; absent where nothing of it was (warm, or a rule that does not bill init). */
  billedInitMs?: number;
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
  /** Init Duration over the cold starts (the REPORT line's figure); absent when there was none. */
  initDurationMs?: { p50: number; max: number };
  instancesStarted: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  billedGbSeconds: number;
  /** The part of billedGbSeconds that paid for init (Lambda bills it since 2025-08; SCF does not). */
  billedInitGbSeconds: number;
  wallMs: number;
}

/** Counts a load run: every request lands in exactly one of ok, failed and throttled. */
export function summarise(samples: LoadSample[], wallMs: number, instancesStarted?: number): LoadSummary {
  const served = samples.filter((s) => s.outcome !== 'throttled').map((s) => s.latencyMs).sort((a, b) => a - b);
  const inits = samples.flatMap((s) => (s.initDurationMs === undefined ? [] : [s.initDurationMs])).sort((a, b) => a - b);
  return {
    requests: samples.length,
    ok: samples.filter((s) => s.outcome === 'ok').length,
    failed: samples.filter((s) => s.outcome === 'failed').length,
    throttled: samples.filter((s) => s.outcome === 'throttled').length,
    failuresByType: countByType(samples.filter((s) => s.outcome === 'failed')),
    coldStarts: samples.filter((s) => s.cold).length,
    ...(inits.length === 0 ? {} : { initDurationMs: { p50: percentile(inits, 0.5), max: inits.at(-1) ?? 0 } }),
    instancesStarted: instancesStarted ?? new Set(samples.flatMap((s) => (s.instanceId ? [s.instanceId] : []))).size,
    latencyMs: { p50: percentile(served, 0.5), p95: percentile(served, 0.95), p99: percentile(served, 0.99), max: served.at(-1) ?? 0 },
    billedGbSeconds: samples.reduce((sum, s) => sum + gbSeconds(s.billedMs, s.memoryMb), 0),
    billedInitGbSeconds: samples.reduce((sum, s) => sum + gbSeconds(s.billedInitMs ?? 0, s.memoryMb), 0),
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
    `cold starts   ${s.coldStarts}${s.initDurationMs ? `  (Init Duration p50 ${s.initDurationMs.p50.toFixed(2)} ms, max ${s.initDurationMs.max.toFixed(2)} ms)` : ''}`,
    `instances     ${s.instancesStarted} started`,
    `latency       p50 ${ms(s.latencyMs.p50)}  p95 ${ms(s.latencyMs.p95)}  p99 ${ms(s.latencyMs.p99)}  max ${ms(s.latencyMs.max)}`,
    `billed        ${s.billedGbSeconds.toFixed(6)} GB-s${s.billedInitGbSeconds > 0 ? `  (init ${s.billedInitGbSeconds.toFixed(6)} GB-s of it)` : ''}`,
    `wall time     ${(s.wallMs / 1000).toFixed(2)} s  (${(s.requests / Math.max(s.wallMs / 1000, 1e-9)).toFixed(1)} req/s)`,
    '',
  ].join('\n');
}
