import type { Random } from './random.ts';

/** A service-time (or start-up time) distribution as plain data, so it can cross to a worker or come from flags. */
export type DistributionSpec =
  | { kind: 'exponential'; mean: number }
  | { kind: 'constant'; value: number }
  /** Log-normal given by its mean and coefficient of variation (standard deviation / mean). */
  | { kind: 'lognormal'; mean: number; cv: number }
  /** Any value between two bounds equally likely: for a figure published only as a range. */
  | { kind: 'uniform'; min: number; max: number }
  /** Draws uniformly from measured values (e.g. durations read from logs). */
  | { kind: 'empirical'; samples: number[] };

export interface Distribution {
  readonly mean: number;
  sample(random: Random): number;
}

/** Builds a sampler; throws a clear error for parameters that describe no distribution. Values are seconds. */
export function distribution(spec: DistributionSpec): Distribution {
  switch (spec.kind) {
    case 'exponential': {
      const mean = positive(spec.mean, 'exponential mean');
      return { mean, sample: (random) => random.exponential(mean) };
    }
    case 'constant': {
      const value = nonNegative(spec.value, 'constant value');
      return { mean: value, sample: () => value };
    }
    case 'lognormal':
      return logNormal(positive(spec.mean, 'log-normal mean'), nonNegative(spec.cv, 'log-normal cv'));
    case 'uniform':
      return uniform(nonNegative(spec.min, 'uniform minimum'), nonNegative(spec.max, 'uniform maximum'));
    case 'empirical':
      return empirical(spec.samples);
  }
}

function uniform(min: number, max: number): Distribution {
  if (max < min) throw new RangeError(`A uniform distribution needs its minimum (${min}) at most its maximum (${max})`);
  const width = max - min;
  return { mean: (min + max) / 2, sample: (random) => min + random.next() * width };
}

function logNormal(mean: number, cv: number): Distribution {
  const sigma2 = Math.log(1 + cv * cv);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(mean) - sigma2 / 2;
  return {
    mean,
    sample(random) {
      // Box-Muller; one normal per draw keeps the sampler stateless.
      const u = 1 - random.next();
      const v = random.next();
      return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
  };
}

function empirical(samples: number[]): Distribution {
  if (samples.length === 0) throw new RangeError('An empirical distribution needs at least one sample');
  const values = Float64Array.from(samples, (value, i) => nonNegative(value, `empirical sample ${i + 1}`));
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const n = values.length;
  return { mean, sample: (random) => values[Math.floor(random.next() * n)]! };
}

/**
 * Reads the command line's short form: `2.5` or `exp:2.5` (exponential, mean in seconds), `const:2`,
 * `lognormal:2,0.5` (mean, cv), `uniform:0.1,0.3` (min, max), `empirical:1.9,2.1,2.4`.
 */
export function parseDistribution(text: string, what: string): DistributionSpec {
  const [kind = '', rest] = text.includes(':') ? text.split(/:(.*)/s) : ['exp', text];
  const numbers = (rest ?? '').split(',').map((part) => Number(part.trim()));
  if (rest === undefined || rest.trim() === '' || numbers.some((n) => !Number.isFinite(n))) {
    throw new RangeError(`${what}: "${text}" is not a distribution (try 2.5, exp:2.5, const:2, lognormal:2,0.5, uniform:0.1,0.3 or empirical:1.9,2.1)`);
  }
  const one = (): number => {
    if (numbers.length !== 1) throw new RangeError(`${what}: "${text}" takes one number`);
    return numbers[0]!;
  };
  switch (kind) {
    case 'exp':
    case 'exponential':
      return { kind: 'exponential', mean: one() };
    case 'const':
    case 'constant':
      return { kind: 'constant', value: one() };
    case 'lognormal':
      if (numbers.length !== 2) throw new RangeError(`${what}: "${text}" takes a mean and a cv, e.g. lognormal:2,0.5`);
      return { kind: 'lognormal', mean: numbers[0]!, cv: numbers[1]! };
    case 'uniform':
      if (numbers.length !== 2) throw new RangeError(`${what}: "${text}" takes a minimum and a maximum, e.g. uniform:0.1,0.3`);
      return { kind: 'uniform', min: numbers[0]!, max: numbers[1]! };
    case 'empirical':
      return { kind: 'empirical', samples: numbers };
    default:
      throw new RangeError(`${what}: unknown distribution "${kind}" (exp, const, lognormal, uniform, empirical)`);
  }
}

export function meanOf(spec: DistributionSpec): number {
  return distribution(spec).mean;
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`The ${what} must be a positive number of seconds, not ${value}`);
  return value;
}

function nonNegative(value: number, what: string): number {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`The ${what} must be zero or more, not ${value}`);
  return value;
}
