import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import type { FakeResponse } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

/** mulberry32: a tiny seeded generator, so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chaoticResponse(r: () => number): FakeResponse {
  const x = r();
  if (x < 0.55) return { kind: 'ok', value: x, durationMs: r() * 400 };
  if (x < 0.65) return { kind: 'error', error: { errorType: 'Error', errorMessage: 'handler threw' }, durationMs: r() * 50 };
  if (x < 0.72) return { kind: 'hang' };
  if (x < 0.8) return { kind: 'exit', reason: 'crash', afterMs: r() * 100 };
  if (x < 0.86) return { kind: 'exit', reason: 'out-of-memory', afterMs: r() * 100 };
  if (x < 0.93) return { kind: 'garbage', afterMs: r() * 20, outcome: r() < 0.5 ? null : { requestId: 'nope', durationMs: -1 } };
  return { kind: 'ok', value: 'slow', durationMs: 1_500 + r() * 1_000 };
}

describe('a platform under chaotic instances', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const routeToStarting = seed % 2 === 0;
    it(`finishes every request exactly once and keeps its books straight (seed ${seed}, routeToStarting ${routeToStarting})`, () => {
      const r = random(seed);
      const t = fixture(
        {
          f: {
            phases: { spawnMs: 5, loadMs: 5, initMs: 30 },
            init: () => (r() < 0.1 ? { errorType: 'Runtime.ImportModuleError', errorMessage: 'flaky import' } : undefined),
            handle: () => chaoticResponse(r),
          },
        },
        { scaleOut: { instances: 20, windowMs: 1_000 }, routeToStarting },
      );
      t.platform.deploy(fn('f', { timeoutS: 2, maxConcurrency: 8, keepAliveS: 5, provisionedConcurrency: 2 }));
      const sent: InvocationRecord[] = [];
      for (let step = 0; step < 400; step++) {
        t.clock.advance(r() * 60);
        const burst = r() < 0.1 ? 6 : 1;
        for (let i = 0; i < burst; i++) sent.push(t.send('f', step));
        if (r() < 0.03) {
          const live = t.platform.instances('f').filter((i) => i.state === 'idle');
          if (live.length > 0) t.host.kill(live[Math.floor(r() * live.length)]!.id, 'crash');
        }
        if (step === 200) t.platform.deploy(fn('f', { timeoutS: 2, maxConcurrency: 8, keepAliveS: 5, provisionedConcurrency: 2, bundle: 'v2' }));
        const instances = t.platform.instances('f');
        const counts = t.platform.counts('f');
        expect(counts.idle).toBe(instances.filter((i) => i.state === 'idle').length);
        expect(counts.busy).toBe(instances.filter((i) => i.state === 'busy').length);
        expect(counts.starting).toBe(instances.filter((i) => i.state === 'starting' || i.state === 'initializing').length);
        expect(counts.busy + counts.starting).toBeLessThanOrEqual(8);
      }
      t.clock.advance(10_000);
      t.platform.shutdown();
      t.clock.runAll();
      expect(t.records).toHaveLength(sent.length);
      expect(new Set(t.records).size).toBe(sent.length);
      for (const record of sent) {
        expect(record.endMs).toBeGreaterThanOrEqual(record.arrivalMs);
        expect(record.status === 'ok').toBe(record.error === null);
        if (record.status !== 'throttled') expect(record.instanceId).not.toBeNull();
      }
      const statuses = new Set(sent.map((r) => r.status));
      for (const status of ['ok', 'error', 'timeout', 'crashed', 'oom']) expect(statuses).toContain(status);
      expect(t.clock.pending).toBe(0);
    });
  }
});
