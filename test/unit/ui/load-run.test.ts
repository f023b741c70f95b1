import { describe, expect, test } from 'vitest';
import { LoadRun } from '../../../playground/ui/load/load-run.ts';
import { downsample } from '../../../playground/ui/load/series-downsample.ts';
import type { RequestBar } from '../../../playground/ui/timeline/timeline-model.ts';

function bar(index: number, kind: RequestBar['kind']): RequestBar {
  const arrival = index * 2;
  const cold = kind === 'cold' ? 30 : 0;
  return {
    requestId: `r${index}`,
    instanceId: kind === 'throttled' ? undefined : `i${index % 7}`,
    kind,
    status: kind === 'throttled' ? 'throttled' : 'ok',
    arrival,
    start: arrival + cold,
    end: kind === 'throttled' ? arrival : arrival + cold + 5 + (index % 11),
    spawnMs: cold / 3,
    loadMs: cold / 3,
    initMs: cold / 3,
  };
}

function runOf(count: number): LoadRun {
  const run = new LoadRun(count);
  for (let index = 0; index < count; index += 1) {
    run.add({ bar: bar(index, index % 50 === 0 ? 'cold' : index % 9 === 0 ? 'throttled' : 'warm'), billedGbSeconds: 0.001 });
  }
  return run;
}

describe('a load run', () => {
  test('draws every chart over one time range, from the first arrival to the last end', () => {
    const view = runOf(500).view(300);
    const series = [view?.latency.p50, view?.instances, view?.coldStarts, view?.throttles];
    const { t0, t1 } = view?.domain ?? { t0: NaN, t1: NaN };
    expect(t0).toBe(0);
    for (const points of series) {
      expect(points?.length).toBeGreaterThan(0);
      for (const point of points ?? []) expect(point.t >= t0 && point.t <= t1).toBe(true);
    }
    expect(Math.max(...(view?.coldStarts ?? []).map((p) => p.t), ...(view?.instances ?? []).map((p) => p.t))).toBe(t1);
  });

  test('keeps progress and summary in step: the counts add up to the requests done', () => {
    const view = runOf(1234).view(300);
    expect(view?.done).toBe(1234);
    const summary = view?.summary;
    expect(summary && summary.ok + summary.failed + summary.throttled).toBe(1234);
    expect(view?.coldStarts.at(-1)?.value).toBe(summary?.coldStarts);
    expect(view?.throttles.at(-1)?.value).toBe(summary?.throttled);
  });

  test('thins 5,000 requests to a few points per chart column, keeping the peak and the final count', () => {
    const run = runOf(5000);
    const view = run.view(300);
    expect(view?.instances.length).toBeLessThanOrEqual(4 * 300);
    expect(view?.throttles.length).toBeLessThanOrEqual(4 * 300);
    expect(Math.max(...(view?.instances ?? []).map((p) => p.value))).toBe(view?.summary.peakInstances);
    expect(view?.throttles.at(-1)?.value).toBe(view?.summary.throttled);
  });

  test('counts an instance from the start of its modelled phases, as the timeline draws it', () => {
    const run = new LoadRun(1);
    run.add({ bar: { ...bar(0, 'cold'), arrival: 0, start: 130, end: 140, spawnMs: 10, loadMs: 10, initMs: 10, modelled: { sandboxStart: 90, codeDownload: 10 } }, billedGbSeconds: 0 });
    expect(run.view(300)?.instances[0]).toEqual({ t: 0, value: 1 });
  });

  test('shows nothing before the first result', () => {
    expect(new LoadRun(10).view(300)).toBeUndefined();
  });
});

describe('downsampling a series', () => {
  test('keeps each column\'s first, lowest, highest and last point, in their order', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ t: i, value: i === 123 ? 99 : i === 456 ? -5 : i % 3 }));
    const thin = downsample(points, 0, 1000, 10);
    expect(thin.length).toBeLessThanOrEqual(40);
    expect(thin).toContainEqual({ t: 123, value: 99 });
    expect(thin).toContainEqual({ t: 456, value: -5 });
    expect(thin[0]).toEqual(points[0]);
    expect(thin.at(-1)).toEqual(points.at(-1));
    expect(thin.map((p) => p.t)).toEqual([...thin.map((p) => p.t)].sort((a, b) => a - b));
  });

  test('leaves a series that already fits alone', () => {
    const points = [{ t: 0, value: 1 }, { t: 5, value: 2 }];
    expect(downsample(points, 0, 5, 10)).toEqual(points);
  });

  test('keeps two points at one instant in their order, so a step stays a step', () => {
    const points = Array.from({ length: 400 }, (_, i) => ({ t: Math.floor(i / 2), value: i }));
    const thin = downsample(points, 0, 200, 10);
    const atTen = thin.filter((p) => p.t === 10);
    expect(atTen.map((p) => p.value)).toEqual([...atTen.map((p) => p.value)].sort((a, b) => a - b));
  });
});
