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

describe('instance observer', () => {
  it('is told of every state change with its time, from creation to the final state', () => {
    const changes: string[] = [];
    const t = fixture(
      { f: answers('x', 100) },
      { observer: { instanceChanged: (i, from, time) => changes.push(`${i.id} ${from ?? 'new'}->${i.state}@${time}`) } },
    );
    t.platform.deploy(fn('f', { keepAliveS: 1 }));
    t.send('f');
    t.clock.advance(500);
    t.send('f');
    t.clock.runAll();
    expect(changes).toEqual([
      'f-1 new->starting@0',
      'f-1 starting->initializing@15',
      'f-1 initializing->busy@55',
      'f-1 busy->idle@155',
      'f-1 idle->busy@500',
      'f-1 busy->idle@600',
      'f-1 idle->reclaimed@1600',
    ]);
  });
});
