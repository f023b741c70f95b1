import { describe, expect, it } from 'vitest';
import { distribution } from '../../../playground/model/distributions.ts';
import { Random } from '../../../playground/model/random.ts';
import { measuredService } from '../../../playground/model/service-samples.ts';
import type { ServiceSample } from '../../../playground/model/service-samples.ts';
import { runModel } from '../../../playground/model/simulation.ts';

/** A function whose service time is known: warm 120 ms, cold 400 ms, both log-normal with cv 0.3. */
const WARM = { mean: 0.12, cv: 0.3 };
const COLD = { mean: 0.4, cv: 0.3 };

/** What `load --json` would have measured of that function: `warm` and `cold` requests, milliseconds, fixed seed. */
function loadRun(warm: number, cold: number): ServiceSample[] {
  const random = new Random(11);
  const draw = (spec: { mean: number; cv: number }) => distribution({ kind: 'lognormal', ...spec }).sample(random) * 1000;
  const samples: ServiceSample[] = [];
  for (let i = 0; i < cold; i++) {
    const latencyMs = draw(COLD);
    samples.push({ cold: true, initMs: latencyMs / 2, durationMs: latencyMs / 2, latencyMs, outcome: 'ok' });
  }
  for (let i = 0; i < warm; i++) {
    const latencyMs = draw(WARM);
    samples.push({ cold: false, durationMs: latencyMs, latencyMs, outcome: i % 50 === 0 ? 'failed' : 'ok' });
  }
  samples.push({ cold: false, durationMs: 0, latencyMs: 0.1, outcome: 'throttled' });
  return samples;
}

describe('the model calibrated from a load run', () => {
  it('keeps warm and cold apart, leaves throttled requests out, and says how many samples each rests on', () => {
    const service = measuredService(loadRun(300, 20));
    expect(service.warmSamples).toBe(300);
    expect(service.coldSamples).toBe(20);
    expect(service.warm.kind).toBe('empirical');
  });

  it('gives back a function\'s known mean response time within three standard errors (fixed seed)', () => {
    const n = 400;
    const service = measuredService(loadRun(n, 40));
    // Poisson arrivals at 2/s with a keep-alive longer than the run: after the first few, every request is warm.
    const result = runModel({ arrival: { kind: 'poisson', ratePerS: 2 }, warm: service.warm, cold: service.cold, policy: 'fixed', keepAliveS: 1e6, maxConcurrency: 1000, horizonS: 20_000, seed: 5 });
    const pCold = result.pCold;
    expect(pCold).toBeLessThan(0.001);
    const trueMeanMs = 1000 * ((1 - pCold) * WARM.mean + pCold * COLD.mean);
    // Two sources of error: the load run's n samples, and the model's own draws from them.
    const sdMs = 1000 * WARM.mean * WARM.cv;
    const standardError = Math.sqrt((sdMs * sdMs) / n + (sdMs * sdMs) / result.requests);
    expect(Math.abs(result.latencyMs.mean - trueMeanMs)).toBeLessThan(3 * standardError);
  });

  it('takes modelled phases out of cold samples, so a model run adds its own profile once', () => {
    const service = measuredService([
      { cold: true, initMs: 30, durationMs: 20, latencyMs: 250, modelledMs: 200, outcome: 'ok' },
      { cold: false, durationMs: 20, latencyMs: 21, outcome: 'ok' },
    ]);
    expect(service.coldMeanS).toBeCloseTo(0.05, 9);
  });

  it('refuses samples it cannot use, saying why', () => {
    expect(() => measuredService([{ cold: true, durationMs: 1, latencyMs: 5, outcome: 'ok' }])).toThrow(/no warm request/);
    expect(() => measuredService([{ cold: false, durationMs: 1, latencyMs: 5, outcome: 'ok' }])).toThrow(/no cold start/);
    expect(() => measuredService([{ cold: false, durationMs: 1, latencyMs: -5, outcome: 'ok' }])).toThrow(/Sample 1 has no "latencyMs"/);
  });
});
