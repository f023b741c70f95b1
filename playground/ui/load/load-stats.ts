import { modelledTotalMs } from '../../model/platform-profiles.ts';
import { initDurationMs } from '../../faas/phases.ts';
import type { RequestBar } from '../timeline/timeline-model.ts';

/** What a load run shows: request accounting, latency percentiles, cold starts and cost. */
export interface LoadSummary {
  requests: number;
  ok: number;
  failed: number;
  throttled: number;
  coldStarts: number;
  /** Cold starts per request that reached an instance, 0..1. */
  coldRate: number;
  /** Init Duration (the REPORT line's figure) over the cold starts, as the CLI's load summary gives it; absent without any. */
  initDurationMs?: { p50: number; max: number };
  /** Latency as the caller sees it (arrival to end), over requests that reached an instance. */
  p50: number;
  p95: number;
  p99: number;
  billedGbSeconds: number;
  peakInstances: number;
}

export interface BilledRequest {
  bar: RequestBar;
  billedGbSeconds: number;
}

/** Nearest-rank percentile of an ascending list; 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** `instances`: the run's instancesOverTime series, when the caller has already built it for a chart. */
export function summarize(requests: readonly BilledRequest[], instances = instancesOverTime(requests.map(({ bar }) => bar))): LoadSummary {
  const served = requests.filter(({ bar }) => bar.kind !== 'throttled');
  const latencies = served.map(({ bar }) => bar.end - bar.arrival).sort((a, b) => a - b);
  const coldStarts = served.filter(({ bar }) => bar.kind === 'cold').length;
  const inits = served.flatMap(({ bar }) => (bar.kind === 'cold' ? [initDurationMs(bar)] : [])).sort((a, b) => a - b);
  const ok = requests.filter(({ bar }) => bar.status === 'ok').length;
  const throttled = requests.length - served.length;
  return {
    requests: requests.length,
    ok,
    failed: requests.length - ok - throttled,
    throttled,
    coldStarts,
    coldRate: served.length === 0 ? 0 : coldStarts / served.length,
    ...(inits.length === 0 ? {} : { initDurationMs: { p50: percentile(inits, 50), max: inits[inits.length - 1] ?? 0 } }),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    billedGbSeconds: requests.reduce((sum, request) => sum + request.billedGbSeconds, 0),
    peakInstances: instances.reduce((peak, point) => Math.max(peak, point.value), 0),
  };
}

export interface Point {
  t: number;
  value: number;
}

/**
 * Instances busy or starting over time: +1 when a request's cold start (a profile's modelled phases first) or
 * handler begins, -1 when it ends.
 * Idle instances are not counted; this is the concurrency the platform had to serve.
 */
export function instancesOverTime(bars: readonly RequestBar[]): Point[] {
  const steps: Array<[number, number]> = [];
  for (const bar of bars) {
    if (bar.kind === 'throttled') continue;
    const begin = bar.kind === 'cold' ? bar.start - modelledTotalMs(bar.modelled) - bar.spawnMs - bar.loadMs - bar.initMs : bar.start;
    steps.push([begin, 1], [bar.end, -1]);
  }
  // Ends before starts at the same instant, so back-to-back requests on one instance do not count twice.
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const points: Point[] = [];
  let level = 0;
  for (const [t, delta] of steps) {
    level += delta;
    points.push({ t, value: level });
  }
  return points;
}

/** Latency percentiles in consecutive windows of finished requests, for the latency-over-time chart. */
export function latencyWindows(bars: readonly RequestBar[], windows: number): Array<{ t: number; p50: number; p95: number; p99: number }> {
  const served = bars.filter((bar) => bar.kind !== 'throttled').sort((a, b) => a.end - b.end);
  if (served.length === 0) return [];
  const size = Math.max(1, Math.ceil(served.length / windows));
  const out: Array<{ t: number; p50: number; p95: number; p99: number }> = [];
  for (let at = 0; at < served.length; at += size) {
    const slice = served.slice(at, at + size);
    const latencies = slice.map((bar) => bar.end - bar.arrival).sort((a, b) => a - b);
    out.push({ t: slice[slice.length - 1]?.end ?? 0, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) });
  }
  return out;
}
