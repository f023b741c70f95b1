import type { ArrivalSpec } from './arrivals.ts';
import type { DistributionSpec } from './distributions.ts';
import type { PlatformProfileName } from './platform-profiles.ts';

/** Keep-alive and scaling policies the model can run; the same policy code runs in live mode. */
export type PolicyName = 'fixed' | 'provisioned' | 'histogram' | 'autoscaler';
export const POLICY_NAMES: readonly PolicyName[] = ['fixed', 'provisioned', 'histogram', 'autoscaler'];

/** One model run, as plain data: what the CLI's flags and the browser's form both produce. Times in seconds. */
export interface ModelConfig {
  arrival: ArrivalSpec;
  warm: DistributionSpec;
  cold: DistributionSpec;
  /** How long an instance started ahead of traffic takes to be ready; default: cold mean − warm mean, constant. */
  startup?: DistributionSpec;
  /**
   * A platform profile's modelled phases (placement, micro-VM, code download, VPC) added to every start, cold or
   * ahead of traffic; absent or `local`: none.
   */
  profile?: PlatformProfileName;
  /** Deployment package size for the profile's code download (default 0). */
  packageBytes?: number;
  policy: PolicyName;
  /** Idle seconds before an instance is reclaimed (fixed and provisioned; the histogram policy's fallback). */
  keepAliveS: number;
  /** Instances kept ready by the provisioned policy. */
  provisioned?: number;
  /** A request arriving while this many instances are running is rejected (idle ones do not count). */
  maxConcurrency: number;
  /** At most `instances` cold starts per `windowS` (a platform's scale-out rate); absent = no limit. */
  scaleOut?: { instances: number; windowS: number };
  memoryMb?: number;
  timeoutS?: number;
  horizonS: number;
  seed: number;
  /** Width of a chart bucket; default: the horizon in 200 buckets. */
  resolutionS?: number;
}

/** Parameters a sweep may vary, with the field each one sets. */
export const SWEEP_KEYS = {
  'keep-alive': 'keepAliveS',
  'max-concurrency': 'maxConcurrency',
  provisioned: 'provisioned',
  'arrival-rate': 'arrival',
  'warm-mean': 'warm',
  'cold-mean': 'cold',
} as const;
export type SweepKey = keyof typeof SWEEP_KEYS;

/** The config with one swept parameter set to `value`. */
export function withParameter(config: ModelConfig, key: SweepKey, value: number): ModelConfig {
  switch (key) {
    case 'keep-alive':
      return { ...config, keepAliveS: value };
    case 'max-concurrency':
      return { ...config, maxConcurrency: value };
    case 'provisioned':
      return { ...config, provisioned: value };
    case 'arrival-rate':
      if (config.arrival.kind !== 'poisson' && config.arrival.kind !== 'bursts') throw new RangeError('arrival-rate can be swept only for Poisson or burst arrivals');
      return { ...config, arrival: { ...config.arrival, ratePerS: value } };
    case 'warm-mean':
      return { ...config, warm: { kind: 'exponential', mean: value } };
    case 'cold-mean':
      return { ...config, cold: { kind: 'exponential', mean: value } };
  }
}
