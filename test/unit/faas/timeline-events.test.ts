import { describe, expect, it } from 'vitest';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

describe('timeline events', () => {
  it('tells a cold start in order: starting, ready with phases, invoke-start, log, invoke-end with the record', () => {
    const t = fixture({ f: { handle: () => ({ kind: 'ok', value: 'hi', durationMs: 20, logs: ['hello from the handler'] }) } });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(t.events.map((e) => [e.type, e.time])).toEqual([
      ['instance-starting', 0],
      ['instance-ready', 55],
      ['invoke-start', 55],
      ['log', 75],
      ['invoke-end', 75],
    ]);
    expect(t.eventsOf('instance-ready')[0]!.phases).toEqual({ spawnMs: 5, loadMs: 10, initMs: 40 });
    expect(t.eventsOf('invoke-start')[0]).toMatchObject({ cold: true, requestId: record.requestId });
    expect(t.eventsOf('invoke-end')[0]!.record).toBe(record);
    expect(record.logs).toEqual([{ time: 75, level: 'info', message: 'hello from the handler' }]);
  });

  it('resolves invoke() with the same record that completion listeners get', async () => {
    const t = fixture({ f: answers('x', 10) });
    t.platform.deploy(fn('f'));
    const pending = t.platform.invoke('f', {});
    t.clock.advance(1_000);
    const record = await pending;
    expect(record).toBe(t.records[0]);
    expect(record.status).toBe('ok');
  });

  it('stops calling a listener once it unsubscribes', () => {
    const t = fixture({ f: answers('x', 10) });
    const seen: string[] = [];
    const off = t.platform.on((e) => seen.push(e.type));
    t.platform.deploy(fn('f'));
    t.send('f');
    off();
    t.clock.advance(1_000);
    expect(seen).toEqual(['instance-starting']);
  });

  it('can keep logs out of records (load runs) while still emitting log events', () => {
    const t = fixture({ f: { handle: () => ({ kind: 'ok', value: 1, durationMs: 5, logs: ['x'] }) } }, { keepLogs: false });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(100);
    expect(record.logs).toEqual([]);
    expect(t.eventsOf('log')).toHaveLength(1);
  });
});

describe('deploying a new version', () => {
  it('retires idle instances at once and busy ones when their request ends; new requests go to the new bundle', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { bundle: 'v1' }));
    const a = t.send('f');
    t.clock.advance(200);
    const b = t.send('f');
    t.send('f');
    t.clock.advance(200);
    const running = t.send('f');
    t.clock.advance(10);
    t.platform.deploy(fn('f', { bundle: 'v2' }));
    const reclaimedAtDeploy = t.eventsOf('instance-reclaimed').map((e) => e.cause);
    expect(reclaimedAtDeploy).toEqual(['retired']);
    const after = t.send('f');
    t.clock.advance(1_000);
    expect(running.status).toBe('ok');
    expect(after.startKind).toBe('cold');
    expect(t.host.started.at(-1)!.bundle).toBe('v2');
    expect(t.platform.instances('f').map((i) => i.id)).toEqual([after.instanceId]);
    expect([a.instanceId, b.instanceId]).not.toContain(after.instanceId);
  });

  it('refuses requests for a function that is not deployed, and everything after shutdown', () => {
    const t = fixture({ f: answers('x', 100) });
    expect(() => t.send('nope')).toThrow(/No function named "nope"/);
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.platform.shutdown();
    expect(record).toMatchObject({ status: 'crashed' });
    expect(() => t.send('f')).toThrow(/shut down/);
    t.clock.runAll();
    expect(t.clock.pending).toBe(0);
  });
});
