import type { DistributionSpec } from './distributions.ts';

/**
 * One request of a live load run as model mode reads it (`load --json`'s `samples`, the playground's Load run).
 * Milliseconds. `initMs` is the measured Init Duration of a cold start (absent on warm ones); `modelledMs` the
 * platform profile's modelled phases, when one was chosen, which `latencyMs` includes.
 */
export interface ServiceSample {
  cold: boolean;
  initMs?: number;
  durationMs: number;
  latencyMs: number;
  outcome: 'ok' | 'failed' | 'throttled';
  modelledMs?: number;
}

/** The service times of a function as measured, ready for a model config, and what they rest on. */
export interface MeasuredService {
  /** Empirical: the measured response times of warm requests, seconds. */
  warm: DistributionSpec;
  /** Empirical: the measured response times of cold requests without any modelled phases, seconds. */
  cold: DistributionSpec;
  warmSamples: number;
  coldSamples: number;
  /** Means of the samples, seconds. */
  warmMeanS: number;
  coldMeanS: number;
}

/**
 * Warm and cold response times from a load run's samples, as empirical distributions. Throttled requests never
 * reached an instance and are left out; failed ones are kept (they held an instance for their time). Modelled
 * phases are taken out of the cold times, so a model run adds its own profile's phases once.
 */
export function measuredService(samples: readonly ServiceSample[]): MeasuredService {
  const warm: number[] = [];
  const cold: number[] = [];
  samples.forEach((sample, i) => {
    check(sample, i);
    if (sample.outcome === 'throttled') return;
    if (sample.cold) cold.push((sample.latencyMs - (sample.modelledMs ?? 0)) / 1000);
    else warm.push(sample.latencyMs / 1000);
  });
  if (warm.length === 0) throw new RangeError('The samples hold no warm request: run the load with more requests than clients, so instances are reused');
  if (cold.length === 0) throw new RangeError('The samples hold no cold start: run the load on fresh instances (no provisioned concurrency)');
  return { warm: { kind: 'empirical', samples: warm }, cold: { kind: 'empirical', samples: cold }, warmSamples: warm.length, coldSamples: cold.length, warmMeanS: mean(warm), coldMeanS: mean(cold) };
}

function check(sample: ServiceSample, i: number): void {
  const problem =
    typeof sample !== 'object' || sample === null
      ? 'is not an object'
      : typeof sample.cold !== 'boolean'
        ? 'has no boolean "cold"'
        : !(sample.latencyMs >= 0)
          ? 'has no "latencyMs" of 0 or more'
          : sample.outcome !== 'ok' && sample.outcome !== 'failed' && sample.outcome !== 'throttled'
            ? 'has an "outcome" other than ok, failed or throttled'
            : sample.modelledMs !== undefined && !(sample.modelledMs >= 0 && sample.modelledMs <= sample.latencyMs)
              ? 'has a "modelledMs" outside 0..latencyMs'
              : undefined;
  if (problem) throw new RangeError(`Sample ${i + 1} ${problem}`);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
