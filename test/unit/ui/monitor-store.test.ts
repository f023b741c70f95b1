import { describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../../playground/faas/platform-events.ts';
import type { MetricSample } from '../../../playground/faas/protocol.ts';
import { cpuSeries, measuredFields, memorySeries } from '../../../playground/ui/monitor/monitor-series.ts';
import { MonitorStore } from '../../../playground/ui/monitor/monitor-store.ts';

const fn = 'hello-serverless';
const starting = (instanceId: string, time: number): PlatformEvent => ({ type: 'instance-starting', time, functionName: fn, instanceId, cause: 'request' });
const metrics = (instanceId: string, sample: MetricSample): PlatformEvent => ({ type: 'instance-metrics', time: sample.tMs, functionName: fn, instanceId, sample });
const oom = (instanceId: string, time: number): PlatformEvent => ({ type: 'instance-crashed', time, functionName: fn, instanceId, reason: 'out-of-memory', error: { errorType: 'Runtime.OutOfMemory', errorMessage: 'killed' } });
const MB = 1024 * 1024;

describe('the Monitor: what it records from the platform', () => {
  it('draws the leak saw-tooth: one instance climbs and is killed out of memory, the next one starts as a restart and climbs again', () => {
    const store = new MonitorStore();
    store.observe(starting('a', 0));
    for (const [t, mb] of [[1000, 20], [2000, 40], [3000, 70]] as const) store.observe(metrics('a', { tMs: t, heapUsed: mb * MB, ageMs: 18_000 }));
    store.observe(oom('a', 3100));
    store.observe(starting('b', 3200));
    store.observe(metrics('b', { tMs: 4000, heapUsed: 15 * MB }));

    expect(store.tracks.get('a')).toMatchObject({ end: 'out-of-memory', endedAt: 3100, restart: false });
    expect(store.tracks.get('b')).toMatchObject({ restart: true });
    expect(store.marks.map((m) => [m.kind, m.instanceId])).toEqual([['start', 'a'], ['out-of-memory', 'a'], ['restart', 'b']]);

    const series = memorySeries(store.tracks.values(), 'heapUsed', 0, 100);
    expect(series.x).toEqual([1, 2, 3, 4]);
    expect(series.lines.map((l) => l.values)).toEqual([[20 * MB, 40 * MB, 70 * MB, null], [null, null, null, 15 * MB]]);
    // Every browser figure keeps its age for the legend.
    expect(series.lines[0]?.ages.slice(0, 3)).toEqual([18_000, 18_000, 18_000]);
  });

  it('shows no CPU line where the host measured no CPU time, and a CPU share of one core where it did', () => {
    const store = new MonitorStore();
    store.observe(starting('browser', 0));
    store.observe(metrics('browser', { tMs: 20_000, heapUsed: MB }));
    store.observe(starting('node', 0));
    store.observe(metrics('node', { tMs: 100, cpuUserUs: 10_000, cpuSystemUs: 0 }));
    store.observe(metrics('node', { tMs: 200, cpuUserUs: 50_000, cpuSystemUs: 10_000 }));

    const cpu = cpuSeries(store.tracks.values(), 0, 100);
    expect(cpu.lines.map((l) => l.instanceId)).toEqual(['node']);
    // 50 ms of CPU in 100 ms of wall time: half a core.
    expect(cpu.lines[0]?.values).toEqual([50]);
    expect(measuredFields([store.tracks.get('browser')!]).has('cpuUserUs')).toBe(false);
  });

  it('keeps a long run small without losing its memory peak', () => {
    const store = new MonitorStore(100);
    store.observe(starting('a', 0));
    for (let i = 0; i < 1000; i += 1) store.observe(metrics('a', { tMs: i * 100, heapUsed: (i === 537 ? 900 : i % 50) * MB }));
    const samples = store.tracks.get('a')?.samples ?? [];
    expect(samples.length).toBeLessThanOrEqual(100);
    expect(Math.max(...samples.map((s) => s.heapUsed ?? 0))).toBe(900 * MB);

    const bucketed = memorySeries(store.tracks.values(), 'heapUsed', 0, 20);
    expect(bucketed.x.length).toBeLessThanOrEqual(20);
    expect(Math.max(...(bucketed.lines[0]?.values ?? []).map((v) => v ?? 0))).toBe(900 * MB);
  });

  it('ignores samples of an instance it never saw start, and forgets everything on clear', () => {
    const store = new MonitorStore();
    store.observe(metrics('ghost', { tMs: 1, heapUsed: MB }));
    expect(store.tracks.size).toBe(0);
    store.observe(starting('a', 0));
    store.clear();
    expect([store.tracks.size, store.marks.length, store.firstTime()]).toEqual([0, 0, undefined]);
  });
});
