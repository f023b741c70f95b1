import { describe, expect, it } from 'vitest';
import { canMove, isFinal } from '../../../playground/faas/instance-state.ts';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

describe('instance lifecycle', () => {
  it('goes starting → initializing → busy → idle → reclaimed for a request-driven cold start', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { keepAliveS: 1 }));
    t.send('f');
    const state = () => t.platform.instances('f')[0]?.state ?? 'gone';
    const seen = [state()];
    for (const at of [15, 55, 155, 1_155]) {
      t.clock.advanceTo(at);
      seen.push(state());
    }
    expect(seen).toEqual(['starting', 'initializing', 'busy', 'idle', 'gone']);
  });

  it('serves one request at a time per instance', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f'));
    const records = Array.from({ length: 5 }, () => t.send('f'));
    t.clock.advance(1_000);
    expect(new Set(records.map((r) => r.instanceId)).size).toBe(5);
  });

  it('only allows the transitions of the state machine, and final states are final', () => {
    expect(canMove('idle', 'busy')).toBe(true);
    expect(canMove('busy', 'idle')).toBe(true);
    expect(canMove('idle', 'timed-out')).toBe(false);
    expect(canMove('reclaimed', 'idle')).toBe(false);
    expect(['reclaimed', 'crashed', 'timed-out', 'init-failed'].every((s) => isFinal(s as never))).toBe(true);
    expect(isFinal('idle')).toBe(false);
  });
});
