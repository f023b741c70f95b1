import { describe, expect, test } from 'vitest';
import { TimelineModel, type RequestBar } from '../../../playground/ui/timeline/timeline-model.ts';
import { layoutTimeline, type TimelineLabels } from '../../../playground/ui/timeline/timeline-layout.ts';
import { instancesOverTime, percentile, summarize } from '../../../playground/ui/load/load-stats.ts';

function bar(partial: Partial<RequestBar> & Pick<RequestBar, 'requestId'>): RequestBar {
  return { instanceId: 'i1', kind: 'warm', status: 'ok', arrival: 0, start: 0, end: 10, spawnMs: 0, loadMs: 0, initMs: 0, ...partial };
}

const labels: TimelineLabels = {
  lane: (index) => `instance ${index + 1}`,
  throttledLane: 'throttled',
  cold: 'cold',
  warm: 'warm',
  modelled: 'modelled',
  ended: (reason) => reason,
  target: (b) => `${b.requestId} ${b.kind}`,
};

describe('the timeline', () => {
  test('draws one lane per instance and tells a cold bar from a warm one by class and text', () => {
    const model = new TimelineModel();
    model.instanceStarted('i1', 0);
    model.requestFinished(bar({ requestId: 'r1', kind: 'cold', arrival: 0, start: 30, end: 40, spawnMs: 5, loadMs: 5, initMs: 20 }));
    model.requestFinished(bar({ requestId: 'r2', kind: 'warm', arrival: 100, start: 100, end: 110 }));
    const layout = layoutTimeline(model, 200, 800, labels);

    expect(layout.shapes.filter((s) => s.className === 'hs-tl-lane-label').map((s) => s.text)).toEqual(['instance 1']);
    const phases = layout.shapes.filter((s) => s.requestId === 'r1' && s.kind === 'rect').map((s) => s.className.split(' ')[1]);
    expect(phases).toEqual(['hs-tl-phase--spawn', 'hs-tl-phase--load', 'hs-tl-phase--init', 'hs-tl-phase--handler']);
    expect(layout.shapes.find((s) => s.requestId === 'r1' && s.kind === 'text')?.text).toBe('cold');
    expect(layout.shapes.find((s) => s.requestId === 'r2' && s.kind === 'text')?.text).toBe('warm');
    expect(layout.shapes.some((s) => s.requestId === 'r2' && s.className.includes('hs-tl-phase--init'))).toBe(false);
    expect(layout.targets.map((t) => t.label)).toEqual(['r1 cold', 'r2 warm']);
  });

  test('sizes a Chinese tag for full-width characters, so 冷启动 gets more room than "cold"', () => {
    const model = new TimelineModel();
    model.requestFinished(bar({ requestId: 'r1', kind: 'cold', arrival: 0, start: 30, end: 40, spawnMs: 5, loadMs: 5, initMs: 20 }));
    const tagWidth = (cold: string): number | undefined => layoutTimeline(model, 200, 800, { ...labels, cold }).shapes.find((s) => s.kind === 'text' && s.requestId === 'r1')?.width;
    expect(tagWidth('冷启动')! - 6).toBeGreaterThanOrEqual(3 * 12);
    expect(tagWidth('冷启动')!).toBeGreaterThan(tagWidth('cold')!);
  });

  test("draws a profile's modelled phases first, striped and labelled modelled, and the measured ones after them", () => {
    const model = new TimelineModel();
    model.requestFinished(bar({ requestId: 'r1', kind: 'cold', arrival: 0, start: 230, end: 240, spawnMs: 5, loadMs: 5, initMs: 20, modelled: { sandboxStart: 90, codeDownload: 110 } }));
    const layout = layoutTimeline(model, 240, 1000, labels);
    const rects = layout.shapes.filter((s) => s.requestId === 'r1' && s.kind === 'rect');
    expect(rects.map((s) => s.className.split(' ').slice(1).join(' '))).toEqual([
      'hs-tl-phase--modelled hs-tl-phase--sandboxStart',
      'hs-tl-phase--modelled hs-tl-phase--codeDownload',
      'hs-tl-phase--spawn',
      'hs-tl-phase--load',
      'hs-tl-phase--init',
      'hs-tl-phase--handler hs-tl-cold hs-tl-status--ok',
    ]);
    // The bar starts at the request's arrival: the modelled time is part of its latency.
    expect(rects[0]!.x).toBeCloseTo(layout.targets[0]!.x, 9);
    expect(rects[1]!.width / rects[0]!.width).toBeCloseTo(110 / 90, 9);
    const label = layout.shapes.find((s) => s.className === 'hs-tl-modelled-label');
    expect(label?.text).toBe('modelled');
    expect(label!.x).toBeLessThan(rects[2]!.x);
  });

  test('puts the cold start phases before the handler and keeps the bars in time order', () => {
    const model = new TimelineModel();
    model.requestFinished(bar({ requestId: 'r1', kind: 'cold', arrival: 0, start: 30, end: 40, spawnMs: 10, loadMs: 0, initMs: 20 }));
    model.requestFinished(bar({ requestId: 'r2', arrival: 50, start: 50, end: 60 }));
    const layout = layoutTimeline(model, 60, 604, labels);
    const [first, second] = layout.targets;
    expect(first && second && first.x + first.width <= second.x).toBe(true);
    const init = layout.shapes.find((s) => s.className.includes('--init'));
    const handler = layout.shapes.find((s) => s.requestId === 'r1' && s.className.includes('--handler'));
    expect(init && handler && Math.abs(init.x + init.width - handler.x) < 1e-9).toBe(true);
  });

  test('marks throttled requests on their own lane and reclaimed instances at their end', () => {
    const model = new TimelineModel();
    model.requestFinished(bar({ requestId: 'r1', arrival: 0, start: 0, end: 10 }));
    model.requestFinished(bar({ requestId: 'r2', instanceId: undefined, kind: 'throttled', status: 'throttled', arrival: 5, start: 5, end: 5 }));
    model.instanceEnded('i1', 70, 'reclaimed');
    const layout = layoutTimeline(model, 80, 600, labels);
    expect(layout.shapes.some((s) => s.className === 'hs-tl-throttle' && s.requestId === 'r2')).toBe(true);
    expect(layout.shapes.some((s) => s.className.includes('hs-tl-end--reclaimed'))).toBe(true);
    expect(layout.shapes.filter((s) => s.className.startsWith('hs-tl-lane-label')).map((s) => s.text)).toEqual(['instance 1', 'throttled']);
  });
});

describe('load statistics', () => {
  test('nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([50, 95, 99]);
    expect(percentile([], 50)).toBe(0);
  });

  test('accounts for every request and adds up the bill', () => {
    const requests = [
      { bar: bar({ requestId: 'a', kind: 'cold', arrival: 0, start: 20, end: 30, initMs: 20 }), billedGbSeconds: 0.001 },
      { bar: bar({ requestId: 'b', arrival: 0, start: 0, end: 10, instanceId: 'i2' }), billedGbSeconds: 0.002 },
      { bar: bar({ requestId: 'c', status: 'error', arrival: 40, start: 40, end: 50 }), billedGbSeconds: 0.003 },
      { bar: bar({ requestId: 'd', instanceId: undefined, kind: 'throttled', status: 'throttled', arrival: 1, start: 1, end: 1 }), billedGbSeconds: 0 },
    ];
    const summary = summarize(requests);
    expect(summary).toMatchObject({ requests: 4, ok: 2, failed: 1, throttled: 1, coldStarts: 1, peakInstances: 2 });
    expect(summary.coldRate).toBeCloseTo(1 / 3);
    expect(summary.billedGbSeconds).toBeCloseTo(0.006);
    expect(summary.p50).toBe(10);
    expect(summary.p99).toBe(30);
  });

  test('gives Init Duration over the cold starts (worker start + code load + your init), as the CLI does', () => {
    const cold = (requestId: string, spawnMs: number, loadMs: number, initMs: number) => ({ bar: bar({ requestId, kind: 'cold', spawnMs, loadMs, initMs }), billedGbSeconds: 0 });
    const summary = summarize([cold('a', 5, 10, 40), cold('b', 1, 2, 3), cold('c', 10, 10, 10), { bar: bar({ requestId: 'd' }), billedGbSeconds: 0 }]);
    expect(summary.initDurationMs).toEqual({ p50: 30, max: 55 });
    expect(summarize([{ bar: bar({ requestId: 'w' }), billedGbSeconds: 0 }]).initDurationMs).toBeUndefined();
  });

  test('back-to-back requests on one instance count as one instance', () => {
    const points = instancesOverTime([bar({ requestId: 'a', start: 0, end: 10 }), bar({ requestId: 'b', start: 10, end: 20 })]);
    expect(Math.max(...points.map((p) => p.value))).toBe(1);
  });
});
