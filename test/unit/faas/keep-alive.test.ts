import { describe, expect, it } from 'vitest';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

describe('keep-alive', () => {
  it('reuses a warm instance within the keep-alive window', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { keepAliveS: 60 }));
    const first = t.send('hello');
    t.clock.advance(1_000);
    const second = t.send('hello');
    t.clock.advance(1_000);
    expect(first).toMatchObject({ status: 'ok', startKind: 'cold', result: 'hi' });
    expect(second).toMatchObject({ status: 'ok', startKind: 'warm', instanceId: first.instanceId });
    expect(t.host.started).toHaveLength(1);
  });

  it('reclaims an idle instance at its last departure plus the keep-alive, and the next request is cold', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { keepAliveS: 10 }));
    const first = t.send('hello');
    t.clock.advance(1_000);
    const departure = first.endMs;
    t.clock.advanceTo(departure + 10_000 - 1);
    expect(t.platform.counts('hello')).toEqual({ starting: 0, idle: 1, busy: 0 });
    t.clock.advanceTo(departure + 10_000);
    const reclaimed = t.eventsOf('instance-reclaimed');
    expect(reclaimed).toEqual([expect.objectContaining({ instanceId: first.instanceId, cause: 'keep-alive', time: departure + 10_000 })]);
    expect(t.platform.counts('hello')).toEqual({ starting: 0, idle: 0, busy: 0 });
    const next = t.send('hello');
    t.clock.advance(1_000);
    expect(next.startKind).toBe('cold');
    expect(next.instanceId).not.toBe(first.instanceId);
  });

  it('restarts the idle timer after every request', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { keepAliveS: 10 }));
    t.send('hello');
    for (let i = 0; i < 5; i++) {
      t.clock.advance(8_000);
      expect(t.send('hello').startKind).toBe('warm');
    }
    t.clock.advance(100);
    const lastDeparture = t.records.at(-1)!.endMs;
    t.clock.runAll();
    expect(t.eventsOf('instance-reclaimed').map((e) => e.time)).toEqual([lastDeparture + 10_000]);
    expect(t.host.started).toHaveLength(1);
  });

  it('leaves no timers behind once every instance is reclaimed', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { keepAliveS: 5 }));
    t.send('hello');
    t.clock.runAll();
    expect(t.clock.pending).toBe(0);
    expect(t.platform.instances()).toEqual([]);
  });
});
