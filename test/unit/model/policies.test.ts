import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hybridHistogram } from '../../../playground/faas/policies/hybrid-histogram.ts';
import { parseAzureTrace } from '../../../playground/model/azure-trace.ts';
import type { ModelConfig } from '../../../playground/model/model-config.ts';
import { runModel } from '../../../playground/model/simulation.ts';

const hourly: ModelConfig = {
  arrival: { kind: 'constant', intervalS: 3600 },
  warm: { kind: 'constant', value: 1 },
  cold: { kind: 'constant', value: 2 },
  policy: 'fixed',
  keepAliveS: 600,
  maxConcurrency: 1000,
  horizonS: 2 * 86_400,
  seed: 1,
};

describe('hybrid histogram policy (Shahrad et al. 2020)', () => {
  it('learns an hourly rhythm: after ten idle times it unloads after each call and pre-warms just before the next', () => {
    const fixed = runModel(hourly);
    const histogram = runModel({ ...hourly, policy: 'histogram' });
    expect(fixed.coldStarts).toBe(47);
    // The first call plus the ten that teach it; every later call finds a pre-warmed instance.
    expect(histogram.coldStarts).toBe(11);
    expect(histogram.idleGbSeconds).toBeLessThan(fixed.idleGbSeconds);
    // A fixed window long enough to keep it warm holds memory the whole time.
    const longWindow = runModel({ ...hourly, keepAliveS: 3700 });
    expect(longWindow.coldStarts).toBe(1);
    expect(histogram.idleGbSeconds).toBeLessThan(longWindow.idleGbSeconds / 5);
  });

  it('takes the pre-warm window at the head and the keep-alive window at the tail, with 10 % margins', () => {
    const policy = hybridHistogram();
    let now = 0;
    const control = {
      functionName: 'f',
      clock: { now: () => now, schedule: () => 0, cancel: () => {} },
      prewarm: () => 0,
      reclaimIdle: () => 0,
      counts: () => ({ starting: 0, idle: 0, busy: 0 }),
    };
    policy.attach(control);
    // Idle times of 30 minutes (and a few of 50): head bin 30 min, tail bin 50 min.
    const idleMinutes = [...Array<number>(95).fill(30), ...Array<number>(5).fill(50)];
    for (const minutes of idleMinutes) {
      policy.onDeparture?.({} as never, now);
      now += minutes * 60_000 + 1000;
      policy.onArrival?.(now);
    }
    const windows = policy.windows();
    expect(windows.representative).toBe(true);
    expect(windows.prewarmMs).toBe(27 * 60_000);
    expect(windows.keepAliveMs).toBe(Math.ceil(51 * 60_000 * 1.1) - 27 * 60_000);
  });

  it('falls back to the fixed keep-alive while it has too few idle times', () => {
    const few = { ...hourly, arrival: { kind: 'constant' as const, intervalS: 1200 }, horizonS: 6 * 1200 + 1 };
    expect(runModel({ ...few, policy: 'histogram', keepAliveS: 600 }).coldStarts).toBe(runModel(few).coldStarts);
    expect(runModel(few).coldStarts).toBe(6);
  });
});

describe('concurrency autoscaler', () => {
  const bursts: ModelConfig = {
    arrival: { kind: 'bursts', ratePerS: 20, onS: 600, offS: 600 },
    warm: { kind: 'exponential', mean: 0.5 },
    cold: { kind: 'exponential', mean: 1.5 },
    policy: 'autoscaler',
    keepAliveS: 0,
    maxConcurrency: 1000,
    horizonS: 7200,
    seed: 1,
    resolutionS: 60,
  };

  it('pre-creates instances for the load it measures, so most requests start warm even with no keep-alive', () => {
    const scaled = runModel(bursts);
    const none = runModel({ ...bursts, policy: 'fixed' });
    expect(none.coldStarts).toBe(none.requests);
    expect(scaled.pCold).toBeLessThan(0.01);
  });

  it('scales in after a cooldown and reaches zero between bursts', () => {
    const { series } = runModel(bursts);
    // The last five minutes of each ten-minute pause: the cooldown (one stable window) and the step-wise scale-in are over.
    const offMinutes = series.filter((p) => p.t % 1200 >= 900);
    expect(offMinutes.length).toBeGreaterThan(0);
    expect(offMinutes.every((p) => p.instances === 0)).toBe(true);
    const firstMinuteAfter = series.find((p) => p.t === 600)!;
    expect(firstMinuteAfter.instances).toBeGreaterThan(1);
  });

  it('keeps its minimum (provisioned) instances even with no traffic', () => {
    const r = runModel({ ...bursts, provisioned: 3, arrival: { kind: 'constant', intervalS: 1e6 } });
    expect(r.requests).toBe(0);
    expect(r.avgInstances).toBeGreaterThan(2.99);
  });
});

describe('provisioned concurrency in the model', () => {
  it('serves light traffic almost without cold starts and pays for idle instances all the time', () => {
    const light = { ...hourly, arrival: { kind: 'poisson' as const, ratePerS: 0.5 }, warm: { kind: 'exponential' as const, mean: 1 }, keepAliveS: 0, horizonS: 3600 };
    expect(runModel(light).pCold).toBe(1);
    const r = runModel({ ...light, policy: 'provisioned', provisioned: 5 });
    // Only a request that finds all five busy (or comes in the first second, before they are ready) starts cold.
    expect(r.pCold).toBeLessThan(0.01);
    expect(r.avgInstances).toBeGreaterThan(4.99);
    expect(r.idleGbSeconds).toBeGreaterThan(0.9 * 4.5 * 3600 * 0.125);
  });
});

describe("the keep-alive guide's command-line figures", () => {
  it('are what the model gives for an hourly function over two days', () => {
    const round = (r: { coldStarts: number; idleGbSeconds: number }) => [r.coldStarts, Math.round(r.idleGbSeconds)];
    expect(round(runModel(hourly))).toEqual([47, 3525]);
    expect(round(runModel({ ...hourly, policy: 'histogram' }))).toEqual([11, 2655]);
    expect(round(runModel({ ...hourly, keepAliveS: 3700 }))).toEqual([1, 21144]);
  });
});

describe("the cold-start talk's command-line figures", () => {
  const steady: ModelConfig = {
    arrival: { kind: 'poisson', ratePerS: 5 },
    warm: { kind: 'exponential', mean: 0.2 },
    cold: { kind: 'exponential', mean: 1.5 },
    policy: 'fixed',
    keepAliveS: 60,
    maxConcurrency: 100,
    horizonS: 3600,
    seed: 1,
  };

  it('steady traffic: the three policies end within a few cold starts of each other', () => {
    expect((['fixed', 'histogram', 'autoscaler'] as const).map((policy) => runModel({ ...steady, policy }).coldStarts)).toEqual([36, 33, 39]);
  });

  it('a day that rises and falls: the autoscaler starts fewer instances cold than a 60 s keep-alive, for a little more idle memory', () => {
    const row = parseAzureTrace(readFileSync(new URL('../../../content/traces/sample-day.csv', import.meta.url), 'utf8'))[2]!;
    const day = { ...steady, arrival: { kind: 'trace' as const, countsPerMinute: row.countsPerMinute }, warm: { kind: 'exponential' as const, mean: 0.5 }, maxConcurrency: 1000, horizonS: 86_400 };
    const fixed = runModel(day);
    const scaled = runModel({ ...day, policy: 'autoscaler' });
    expect([scaled.coldStarts, fixed.coldStarts]).toEqual([311, 533]);
    expect(scaled.idleGbSeconds / fixed.idleGbSeconds).toBeCloseTo(1.08, 2);
  });
});
