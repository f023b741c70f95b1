import { describe, expect, it } from 'vitest';
import { runSeeds } from '../../../playground/model/experiments.ts';
import type { ModelConfig } from '../../../playground/model/model-config.ts';
import { runModel } from '../../../playground/model/simulation.ts';
import { simfaasReference } from './simfaas-reference.ts';

const base: ModelConfig = {
  arrival: { kind: 'poisson', ratePerS: 0.9 },
  warm: { kind: 'exponential', mean: 1.991 },
  cold: { kind: 'exponential', mean: 2.244 },
  policy: 'fixed',
  keepAliveS: 600,
  maxConcurrency: 1000,
  horizonS: 20_000,
  seed: 1,
};

describe('model mode agrees with theory', () => {
  it('deterministic arrivals every T < keep-alive give exactly one cold start', () => {
    const r = runModel({ ...base, arrival: { kind: 'constant', intervalS: 30 }, warm: { kind: 'constant', value: 1 }, cold: { kind: 'constant', value: 2 }, keepAliveS: 60, horizonS: 86_400 });
    expect(r.requests).toBe(2879);
    expect(r.coldStarts).toBe(1);
    expect(r.peakInstances).toBe(1);
  });

  it('deterministic arrivals every T > keep-alive make every request cold', () => {
    const r = runModel({ ...base, arrival: { kind: 'constant', intervalS: 120 }, warm: { kind: 'constant', value: 1 }, cold: { kind: 'constant', value: 2 }, keepAliveS: 60, horizonS: 86_400 });
    expect(r.requests).toBe(719);
    expect(r.coldStarts).toBe(719);
    // Each instance lives for its 2 s cold request plus the 60 s keep-alive.
    expect(r.lifespan.meanS).toBeCloseTo(62, 0);
  });

  it("Little's law: average running instances = arrival rate × mean response time, within the runs' standard error", () => {
    for (const rate of [0.9, 5]) {
      const result = runSeeds({ ...base, arrival: { kind: 'poisson', ratePerS: rate }, horizonS: 10_000 }, 8);
      const pCold = result.mean.pCold;
      const expected = rate * (pCold * 2.244 + (1 - pCold) * 1.991);
      expect(Math.abs(result.mean.avgRunning - expected)).toBeLessThan(4 * result.standardError.avgRunning + 0.01 * expected);
    }
  });

  it('with no keep-alive and no concurrency limit every request is cold', () => {
    const r = runModel({ ...base, arrival: { kind: 'poisson', ratePerS: 5 }, keepAliveS: 0, horizonS: 2000 });
    expect(r.requests).toBeGreaterThan(9000);
    expect(r.coldStarts).toBe(r.requests);
    expect(r.avgIdle).toBe(0);
  });

  it('with keep-alive → ∞ the cold starts equal the peak concurrency reached', () => {
    for (const seed of [1, 2, 3]) {
      const r = runModel({ ...base, arrival: { kind: 'poisson', ratePerS: 5 }, keepAliveS: 1e12, horizonS: 5000, seed });
      expect(r.coldStarts).toBe(r.peakConcurrency);
      expect(r.lifespan.count).toBe(0);
    }
  });

  it('rejects a request that arrives while max-concurrency instances are running, and only then', () => {
    const r = runModel({ ...base, arrival: { kind: 'poisson', ratePerS: 10 }, maxConcurrency: 5, horizonS: 5000 });
    expect(r.rejected).toBeGreaterThan(0);
    expect(r.peakConcurrency).toBe(5);
    expect(r.requests).toBe(r.coldStarts + r.warmStarts + r.rejected);
    const free = runModel({ ...base, arrival: { kind: 'poisson', ratePerS: 10 }, horizonS: 5000 });
    expect(free.rejected).toBe(0);
  });

  it('is deterministic for a seed and different across seeds', () => {
    const { wallSeconds: _a, requestsPerSecond: _b, ...one } = runModel({ ...base, horizonS: 5000 });
    const { wallSeconds: _c, requestsPerSecond: _d, ...again } = runModel({ ...base, horizonS: 5000 });
    expect(again).toEqual(one);
    expect(runModel({ ...base, horizonS: 5000, seed: 2 }).requests).not.toBe(one.requests);
  });

  it('the time series adds up to the totals', () => {
    const r = runModel({ ...base, arrival: { kind: 'poisson', ratePerS: 5 }, horizonS: 3600, resolutionS: 60 });
    expect(r.series).toHaveLength(60);
    expect(r.series.reduce((s, p) => s + p.requests, 0)).toBe(r.requests);
    expect(r.series.reduce((s, p) => s + p.coldStarts, 0)).toBe(r.coldStarts);
    expect(r.series.reduce((s, p) => s + p.instances, 0) / 60).toBeCloseTo(r.avgInstances, 6);
  });

  it('explains parameters that describe no model', () => {
    expect(() => runModel({ ...base, maxConcurrency: 0 })).toThrow(/maximum concurrency/);
    expect(() => runModel({ ...base, horizonS: -1 })).toThrow(/horizon/);
    expect(() => runModel({ ...base, arrival: { kind: 'poisson', ratePerS: 0 } })).toThrow(/arrival rate/);
  });
});

describe("model mode reproduces SimFaaS on SimFaaS's own model", () => {
  // Ten seeds of each implementation; the means must agree within four standard errors of their difference.
  it.each([
    { rate: 0.9, keepAliveS: 600, maxConcurrency: 1000 },
    { rate: 5, keepAliveS: 60, maxConcurrency: 1000 },
    { rate: 5, keepAliveS: 60, maxConcurrency: 8 },
  ])('λ=$rate/s, keep-alive $keepAliveS s, max concurrency $maxConcurrency', ({ rate, keepAliveS, maxConcurrency }) => {
    const horizonS = 10_000;
    const seeds = Array.from({ length: 10 }, (_, k) => 100 + k);
    const ours = runSeeds({ ...base, arrival: { kind: 'poisson', ratePerS: rate }, keepAliveS, maxConcurrency, horizonS, seed: 100 }, seeds.length);
    const reference = seeds.map((seed) => simfaasReference({ ratePerS: rate, warmMean: 1.991, coldMean: 2.244, keepAliveS, maxConcurrency, horizonS, seed: seed + 7919 }));
    for (const key of ['avgInstances', 'avgRunning', 'avgIdle', 'pCold', 'pReject'] as const) {
      const values = reference.map((r) => (key === 'pCold' ? r.coldStarts / r.requests : key === 'pReject' ? r.rejected / r.requests : r[key]));
      const m = values.reduce((s, v) => s + v, 0) / values.length;
      const se = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1) / values.length);
      const tolerance = 4 * Math.hypot(se, ours.standardError[key]) + 1e-9;
      expect(Math.abs(ours.mean[key] - m), `${key}: ours ${ours.mean[key]} vs reference ${m}`).toBeLessThanOrEqual(tolerance);
    }
  });
});
