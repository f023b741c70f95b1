import { describe, expect, it } from 'vitest';
import { arrivals } from '../../../playground/model/arrivals.ts';
import type { ArrivalSpec } from '../../../playground/model/arrivals.ts';
import { distribution, parseDistribution } from '../../../playground/model/distributions.ts';
import type { DistributionSpec } from '../../../playground/model/distributions.ts';
import { Random } from '../../../playground/model/random.ts';

const draws = (spec: DistributionSpec, n: number, seed = 1): number[] => {
  const d = distribution(spec);
  const random = new Random(seed);
  return Array.from({ length: n }, () => d.sample(random));
};
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

function arrivalTimes(spec: ArrivalSpec, untilMs: number, seed = 1): number[] {
  const process = arrivals(spec);
  const random = new Random(seed);
  const times: number[] = [];
  for (let t = process.next(0, random); t < untilMs; t = process.next(t, random)) times.push(t);
  return times;
}

describe('seeded randomness', () => {
  it('repeats exactly for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(xs)).toBeCloseTo(0.5, 1);
  });
});

describe('service-time distributions', () => {
  it('exponential, log-normal, constant and empirical samples have the configured mean (and spread)', () => {
    const exp = draws({ kind: 'exponential', mean: 2 }, 200_000);
    expect(mean(exp)).toBeCloseTo(2, 1);
    expect(sd(exp)).toBeCloseTo(2, 1);
    const logNormal = draws({ kind: 'lognormal', mean: 2, cv: 0.5 }, 200_000);
    expect(mean(logNormal)).toBeCloseTo(2, 1);
    expect(sd(logNormal) / mean(logNormal)).toBeCloseTo(0.5, 1);
    expect(new Set(draws({ kind: 'constant', value: 1.5 }, 100))).toEqual(new Set([1.5]));
    const empirical = draws({ kind: 'empirical', samples: [1, 2, 6] }, 30_000);
    expect(new Set(empirical)).toEqual(new Set([1, 2, 6]));
    expect(mean(empirical)).toBeCloseTo(3, 1);
  });

  it('exponential draws (a ziggurat) follow 1 − e^(−x): Kolmogorov-Smirnov distance below the 1 % critical value', () => {
    const xs = draws({ kind: 'exponential', mean: 1 }, 200_000, 9).sort((a, b) => a - b);
    const n = xs.length;
    const distance = xs.reduce((worst, x, i) => {
      const F = 1 - Math.exp(-x);
      return Math.max(worst, Math.abs(F - i / n), Math.abs(F - (i + 1) / n));
    }, 0);
    expect(distance).toBeLessThan(1.63 / Math.sqrt(n));
    // The tail beyond the ziggurat's last layer (x > 7.7) is reached too.
    expect(xs[n - 1]).toBeGreaterThan(7.7);
  });

  it('reads the command-line forms and explains the ones it cannot read', () => {
    expect(parseDistribution('2.5', '--warm')).toEqual({ kind: 'exponential', mean: 2.5 });
    expect(parseDistribution('lognormal:2,0.5', '--warm')).toEqual({ kind: 'lognormal', mean: 2, cv: 0.5 });
    expect(parseDistribution('empirical:1,2,3', '--cold')).toEqual({ kind: 'empirical', samples: [1, 2, 3] });
    expect(() => parseDistribution('gamma:2', '--warm')).toThrow(/unknown distribution "gamma"/);
    expect(() => parseDistribution('exp:abc', '--warm')).toThrow(/not a distribution/);
    expect(() => distribution({ kind: 'exponential', mean: -1 })).toThrow(/positive/);
    expect(() => distribution({ kind: 'empirical', samples: [] })).toThrow(/at least one sample/);
  });
});

describe('arrival processes', () => {
  it('Poisson arrivals come at the configured rate with exponential gaps', () => {
    const times = arrivalTimes({ kind: 'poisson', ratePerS: 5 }, 10_000_000);
    expect(times.length / 10_000).toBeCloseTo(5, 1);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(sd(gaps) / mean(gaps)).toBeCloseTo(1, 1);
  });

  it('constant arrivals come exactly every interval, starting one interval in', () => {
    expect(arrivalTimes({ kind: 'constant', intervalS: 2.5 }, 10_001)).toEqual([2500, 5000, 7500, 10_000]);
  });

  it('bursts send requests only during on periods, at the burst rate', () => {
    const times = arrivalTimes({ kind: 'bursts', ratePerS: 10, onS: 60, offS: 240 }, 3_000_000);
    expect(times.every((t) => t % 300_000 < 60_000)).toBe(true);
    expect(times.length / (10 * 60)).toBeCloseTo(10, 0);
  });

  it("cron follows SCF's 7-field format (seconds first, year last) and the standard 5-field one, in UTC", () => {
    const start = '2024-01-01T00:00:00Z';
    expect(arrivalTimes({ kind: 'cron', expression: '0 */5 * * * * *', start }, 20 * 60_000)).toEqual([5, 10, 15].map((m) => m * 60_000));
    expect(arrivalTimes({ kind: 'cron', expression: '30 0 9 * * MON-FRI *', start }, 7 * 86_400_000).map((t) => new Date(Date.parse(start) + t).toISOString())).toEqual(
      ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'].map((day) => `${day}T09:00:30.000Z`),
    );
    expect(arrivalTimes({ kind: 'cron', expression: '0 12 * * *', start }, 3 * 86_400_000)).toEqual([12, 36, 60].map((h) => h * 3_600_000));
    expect(arrivalTimes({ kind: 'cron', expression: '0 0 12 1 1 * 2023', start }, 1e12)).toEqual([]);
  });

  it('a cron expression with the wrong number of fields or a bad value is refused with the reason', () => {
    expect(() => arrivals({ kind: 'cron', expression: '*/5 * * *' })).toThrow(/4 fields; use SCF's 7/);
    expect(() => arrivals({ kind: 'cron', expression: '0 61 * * * * *' })).toThrow(/minute/i);
  });

  it('trace replay sends exactly the per-minute counts, inside their minutes, and repeats the day', () => {
    const counts = [3, 0, 5, 1];
    const times = arrivalTimes({ kind: 'trace', countsPerMinute: counts }, 8 * 60_000);
    const perMinute = Array.from({ length: 8 }, (_, m) => times.filter((t) => Math.floor(t / 60_000) === m).length);
    expect(perMinute).toEqual([...counts, ...counts]);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(arrivalTimes({ kind: 'trace', countsPerMinute: [0, 0] }, 1e9)).toEqual([]);
  });
});
