import { withParameter } from './model-config.ts';
import type { ModelConfig, SweepKey } from './model-config.ts';
import { runModel } from './simulation.ts';
import type { ModelResult, RunOptions } from './simulation.ts';

/** Numbers of a result that are averaged across seeds. */
export const SUMMARY_KEYS = [
  'requests',
  'coldStarts',
  'rejected',
  'failed',
  'pCold',
  'pReject',
  'avgInstances',
  'avgRunning',
  'avgIdle',
  'avgStarting',
  'idleGbSeconds',
  'billedGbSeconds',
  'peakConcurrency',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

export interface SeedsResult {
  seeds: number[];
  /** Mean over the seeds of each summary number. */
  mean: Record<SummaryKey, number>;
  /** Standard error of that mean (sample standard deviation / √n); 0 for a single seed. */
  standardError: Record<SummaryKey, number>;
  latencyMs: ModelResult['latencyMs'];
  runs: ModelResult[];
  wallSeconds: number;
  requestsPerSecond: number;
}

/** Runs the same config with `count` consecutive seeds from config.seed, for a mean and its standard error. */
export function runSeeds(config: ModelConfig, count: number, options: RunOptions = {}): SeedsResult {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`The number of seeds must be a whole number of at least 1, not ${count}`);
  const runs: ModelResult[] = [];
  for (let k = 0; k < count; k++) {
    const onProgress = options.onProgress;
    runs.push(runModel({ ...config, seed: config.seed + k }, { ...options, ...(onProgress ? { onProgress: (f: number) => onProgress((k + f) / count) } : {}) }));
  }
  const mean = {} as Record<SummaryKey, number>;
  const standardError = {} as Record<SummaryKey, number>;
  for (const key of SUMMARY_KEYS) {
    const values = runs.map((run) => run[key]);
    const m = values.reduce((sum, v) => sum + v, 0) / count;
    mean[key] = m;
    standardError[key] = count < 2 ? 0 : Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (count - 1) / count);
  }
  const wallSeconds = runs.reduce((sum, run) => sum + run.wallSeconds, 0);
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  return {
    seeds: runs.map((_, k) => config.seed + k),
    mean,
    standardError,
    // Latency quantiles do not average meaningfully; the first seed's are reported.
    latencyMs: runs[0]!.latencyMs,
    runs,
    wallSeconds,
    requestsPerSecond: wallSeconds > 0 ? requests / wallSeconds : Infinity,
  };
}

export interface SweepPoint {
  value: number;
  result: SeedsResult;
}

/**
 * Runs one parameter over a list of values: the curve of cold starts against idle memory that a policy traces as
 * its knob turns (keep-alive 1 to 60 minutes, say), for drawing each policy's Pareto front.
 */
export function sweep(config: ModelConfig, key: SweepKey, values: number[], seeds = 1, options: RunOptions = {}): SweepPoint[] {
  if (values.length === 0) throw new RangeError('A sweep needs at least one value');
  return values.map((value, i) => {
    const onProgress = options.onProgress;
    return {
      value,
      result: runSeeds(withParameter(config, key, value), seeds, onProgress ? { ...options, onProgress: (f) => onProgress((i + f) / values.length) } : options),
    };
  });
}

/** The points of a sweep that no other point beats on both cold-start probability and idle memory. */
export function paretoFront(points: SweepPoint[]): SweepPoint[] {
  return points.filter(
    (p) =>
      !points.some(
        (q) =>
          q !== p &&
          q.result.mean.pCold <= p.result.mean.pCold &&
          q.result.mean.idleGbSeconds <= p.result.mean.idleGbSeconds &&
          (q.result.mean.pCold < p.result.mean.pCold || q.result.mean.idleGbSeconds < p.result.mean.idleGbSeconds),
      ),
  );
}
