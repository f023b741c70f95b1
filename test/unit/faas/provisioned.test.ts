import { describe, expect, it } from 'vitest';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

describe('provisioned concurrency', () => {
  it('starts the provisioned instances at deploy time, before any request', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { provisionedConcurrency: 2 }));
    expect(t.eventsOf('instance-starting').map((e) => e.cause)).toEqual(['provisioned', 'provisioned']);
    t.clock.advance(1_000);
    expect(t.platform.counts('f')).toEqual({ starting: 0, idle: 2, busy: 0 });
    const a = t.send('f');
    const b = t.send('f');
    t.clock.advance(1_000);
    expect([a.startKind, b.startKind]).toEqual(['warm', 'warm']);
    expect(a.phases).toBeNull();
  });

  it('never reclaims provisioned instances for idleness, while on-demand ones follow the keep-alive', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { provisionedConcurrency: 1, keepAliveS: 60 }));
    t.clock.advance(1_000);
    t.send('f');
    const onDemand = t.send('f');
    t.clock.advance(1_000);
    expect(onDemand.startKind).toBe('cold');
    t.clock.advance(24 * 3600 * 1000);
    const left = t.platform.instances('f');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ provisioned: true, state: 'idle', reclaimAt: Infinity });
    expect(t.eventsOf('instance-reclaimed').map((e) => e.instanceId)).toEqual([onDemand.instanceId]);
  });

  it('replaces a provisioned instance that dies', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { provisionedConcurrency: 1 }));
    t.clock.advance(1_000);
    const [first] = t.platform.instances('f');
    t.host.kill(first!.id, 'crash');
    t.clock.advance(1_000);
    const now = t.platform.instances('f');
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ provisioned: true, state: 'idle' });
    expect(now[0]!.id).not.toBe(first!.id);
  });

  it('does not keep replacing provisioned instances whose init fails', () => {
    const t = fixture({ f: { ...answers('x'), init: () => ({ errorType: 'Error', errorMessage: 'boom' }) } });
    t.platform.deploy(fn('f', { provisionedConcurrency: 3 }));
    t.clock.runAll();
    expect(t.host.started).toHaveLength(3);
    expect(t.eventsOf('init-error')).toHaveLength(3);
  });
});

describe('provisioned instances serve first', () => {
  it('routes to an idle provisioned instance before a newer on-demand one, so on-demand instances age out', () => {
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { provisionedConcurrency: 1, keepAliveS: 60 }));
    t.clock.advance(1_000);
    const [provisioned] = t.platform.instances('f');
    t.send('f');
    const spill = t.send('f');
    t.clock.advance(1_000);
    expect(spill.startKind).toBe('cold');
    const next = t.send('f');
    t.clock.advance(1_000);
    expect(next.instanceId).toBe(provisioned!.id);
  });
});
