import { describe, expect, it } from 'vitest';
import { driveLoad } from '../../../playground/cli/load-driver.ts';
import { formatSummary, percentile, summarise } from '../../../playground/cli/load-summary.ts';
import type { LoadSample } from '../../../playground/cli/load-summary.ts';

describe('load accounting', () => {
  it('puts every request in exactly one of ok, failed and throttled, and counts cold starts and instances', () => {
    const samples: LoadSample[] = [
      { outcome: 'ok', cold: true, instanceId: 'a', latencyMs: 30, billedMs: 20, memoryMb: 1024 },
      { outcome: 'ok', cold: false, instanceId: 'a', latencyMs: 2, billedMs: 2, memoryMb: 1024 },
      { outcome: 'failed', cold: true, instanceId: 'b', latencyMs: 40, billedMs: 3000, memoryMb: 1024 },
      { outcome: 'throttled', cold: false, latencyMs: 0.1, billedMs: 0, memoryMb: 1024 },
    ];
    const s = summarise(samples, 1000);
    expect(s.ok + s.failed + s.throttled).toBe(s.requests);
    expect(s).toMatchObject({ requests: 4, ok: 2, failed: 1, throttled: 1, coldStarts: 2, instancesStarted: 2 });
    expect(s.billedGbSeconds).toBeCloseTo(3.022, 6);
    expect(s.latencyMs.max).toBe(40);
  });

  it('reports Init Duration over the cold starts and the part of the bill that paid for init', () => {
    const samples: LoadSample[] = [
      { outcome: 'ok', cold: true, latencyMs: 130, billedMs: 111, initDurationMs: 100.4, billedInitMs: 100.4, memoryMb: 1024 },
      { outcome: 'ok', cold: true, latencyMs: 90, billedMs: 81, initDurationMs: 70.2, billedInitMs: 70.2, memoryMb: 1024 },
      { outcome: 'ok', cold: false, latencyMs: 12, billedMs: 11, memoryMb: 1024 },
    ];
    const s = summarise(samples, 1000);
    expect(s.initDurationMs).toEqual({ p50: 70.2, max: 100.4 });
    expect(s.billedGbSeconds).toBeCloseTo(0.203, 9);
    expect(s.billedInitGbSeconds).toBeCloseTo(0.1706, 9);
    expect(formatSummary(s)).toContain('cold starts   2  (Init Duration p50 70.20 ms, max 100.40 ms)');
    expect(formatSummary(s)).toContain('billed        0.203000 GB-s  (init 0.170600 GB-s of it)');
  });

  it('leaves Init Duration out when every request was warm', () => {
    const s = summarise([{ outcome: 'ok', cold: false, latencyMs: 2, billedMs: 2, memoryMb: 128 }], 10);
    expect(s.initDurationMs).toBeUndefined();
    expect(formatSummary(s)).toMatch(/^cold starts   0$/m);
    expect(formatSummary(s)).toMatch(/^billed {8}0\.000250 GB-s$/m);
  });

  it('takes nearest-rank percentiles of served requests only', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('sends exactly N requests with at most C in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await driveLoad({ requests: 25, concurrency: 4 }, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      seen.push(i);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(peak).toBe(4);
  });
});
