import { describe, expect, it } from 'vitest';
import { QuantileHistogram } from '../../../playground/model/quantile-histogram.ts';

describe('QuantileHistogram', () => {
  it('counts every value added, whether read mid-way or after many batches', () => {
    const histogram = new QuantileHistogram(0.01);
    for (let i = 1; i <= 3; i++) histogram.add(i * 100);
    expect([histogram.count, histogram.mean, histogram.max]).toEqual([3, 200, 300]);
    for (let i = 1; i <= 1000; i++) histogram.add(i);
    expect(histogram.count).toBe(1003);
    expect(histogram.max).toBe(1000);
    expect(histogram.mean).toBeCloseTo((600 + 500_500) / 1003, 9);
  });

  it('answers quantiles within a bucket (1/64) of the exact value, never above the largest value seen', () => {
    const histogram = new QuantileHistogram(0.01);
    const values = Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 10_000) / 10 + 0.05);
    for (const value of values) histogram.add(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1]!;
      const answer = histogram.quantile(q);
      expect(answer).toBeGreaterThanOrEqual(exact);
      expect(answer).toBeLessThanOrEqual(exact * (1 + 1 / 64) + 0.01);
    }
    expect(histogram.quantile(1)).toBe(sorted.at(-1));
  });

  it('has no figures before the first value', () => {
    const histogram = new QuantileHistogram(1);
    expect([histogram.count, histogram.mean, histogram.max, histogram.quantile(0.5)]).toEqual([0, NaN, NaN, NaN]);
  });
});
