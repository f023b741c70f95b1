import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfileTrace } from '../../../playground/faas/protocol.ts';
import { frameNamer } from '../../../playground/ui/profile/frame-names.ts';
import { buildFlameTree, hotFunctions } from '../../../playground/ui/profile/profile-tree.ts';

/** A real trace: Chromium's Profiler in a worker running a recursive fib handler (see the fixture's `recorded`). */
const recorded = JSON.parse(readFileSync(new URL('./fixtures/fib-profile.json', import.meta.url), 'utf8')) as { sampleIntervalMs: number; bundle: string; lineOffset: number; trace: ProfileTrace };
const labels = { anonymous: '(anonymous)', runtime: 'runtime' };

describe('the profile as a flame chart', () => {
  it('names the hot function of a CPU-bound handler, with its TypeScript file:line through the source map', () => {
    const tree = buildFlameTree(recorded.trace, recorded.sampleIntervalMs, frameNamer(recorded.trace, recorded.bundle, labels, recorded.lineOffset));
    const hot = hotFunctions(tree)[0];
    expect(hot?.frame).toEqual({ name: 'fib', location: 'index.ts:1', user: true });
    expect(hot?.self).toBeGreaterThan(0);
  });

  it('puts callers above callees and counts every sampled stack once at the top', () => {
    const tree = buildFlameTree(recorded.trace, recorded.sampleIntervalMs, frameNamer(recorded.trace, recorded.bundle, labels, recorded.lineOffset));
    const stacked = recorded.trace.samples.filter((s) => s.stackId !== undefined).length;
    expect(tree.root.total).toBe(stacked);
    expect(tree.idleSamples).toBe(recorded.trace.samples.length - stacked);
    const handler = tree.root.children[0]?.children.find((c) => c.frame.name === 'main_handler');
    expect(handler?.frame.location).toBe('index.ts:5');
    expect(handler?.children[0]?.frame.name).toBe('fib');
  });

  it("keeps the runtime's own frames apart from the user's", () => {
    const name = frameNamer(recorded.trace, recorded.bundle, labels, recorded.lineOffset);
    const worker = recorded.trace.frames.findIndex((f) => f.line === 1 && f.column === 1);
    expect(name(worker)).toEqual({ name: '(anonymous)', location: 'runtime', user: false });
  });

  it('counts a recursive function once per sample in its total', () => {
    const trace: ProfileTrace = {
      resources: ['function.js'],
      frames: [{ name: 'walk', resourceId: 0, line: 2, column: 1 }],
      stacks: [{ frameId: 0 }, { frameId: 0, parentId: 0 }, { frameId: 0, parentId: 1 }],
      samples: [{ timestamp: 0, stackId: 2 }, { timestamp: 10, stackId: 0 }],
    };
    const tree = buildFlameTree(trace, 10, () => ({ name: 'walk', user: true }));
    expect(hotFunctions(tree)).toEqual([{ frame: { name: 'walk', user: true }, self: 2, total: 2 }]);
  });
});
