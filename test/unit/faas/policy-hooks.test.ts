import { describe, expect, it } from 'vitest';
import type { InstanceInfo, KeepAlivePolicy, PolicyControl } from '../../../playground/faas/keep-alive-policy.ts';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

/** A policy that records what it is told and lets the test pull the levers. */
function spyPolicy(keepAliveMs: (i: InstanceInfo) => number = () => 60_000) {
  const seen: string[] = [];
  let control: PolicyControl | null = null;
  const policy: KeepAlivePolicy = {
    attach(c) {
      control = c;
      seen.push('attach');
    },
    detach: () => seen.push('detach'),
    onArrival: (time) => seen.push(`arrival@${time}`),
    onDeparture: (i, time) => seen.push(`departure ${i.id}@${time}`),
    onInstanceCreated: (i, time) => seen.push(`created ${i.id}@${time}`),
    onInstanceGone: (i, time) => seen.push(`gone ${i.id} ${i.state}@${time}`),
    keepAliveMs: (i, time) => {
      seen.push(`idle ${i.id}@${time}`);
      return keepAliveMs(i);
    },
  };
  return { policy, seen, control: () => control! };
}

describe('keep-alive policy hooks', () => {
  it('tells the policy of arrivals, instance creation, departures, idleness and deaths, in order', () => {
    const spy = spyPolicy(() => 1_000);
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    t.send('f');
    t.clock.runAll();
    expect(spy.seen).toEqual(['attach', 'arrival@0', 'created f-1@0', 'departure f-1@155', 'idle f-1@155', 'gone f-1 reclaimed@1155']);
  });

  it('lets the policy pre-warm instances, which then serve warm', () => {
    const spy = spyPolicy();
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { policy: spy.policy, maxConcurrency: 3 }));
    expect(spy.control().prewarm(5)).toBe(3);
    expect(t.eventsOf('instance-starting').map((e) => e.cause)).toEqual(['prewarm', 'prewarm', 'prewarm']);
    t.clock.advance(100);
    expect(spy.control().counts()).toEqual({ starting: 0, idle: 3, busy: 0 });
    const record = t.send('f');
    t.clock.advance(200);
    expect(record.startKind).toBe('warm');
  });

  it('lets the policy reclaim idle instances, oldest first', () => {
    const spy = spyPolicy();
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    spy.control().prewarm(3);
    t.clock.advance(100);
    expect(spy.control().reclaimIdle(2)).toBe(2);
    expect(t.eventsOf('instance-reclaimed').map((e) => [e.instanceId, e.cause])).toEqual([
      ['f-1', 'policy'],
      ['f-2', 'policy'],
    ]);
    expect(t.platform.instances('f').map((i) => i.id)).toEqual(['f-3']);
  });

  it('lets the policy choose each instance’s keep-alive (0 reclaims at once, Infinity keeps)', () => {
    const spy = spyPolicy((i) => (i.id === 'f-1' ? 0 : Infinity));
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    t.send('f');
    t.send('f');
    t.clock.advance(10 * 3600 * 1000);
    expect(t.platform.instances('f').map((i) => i.id)).toEqual(['f-2']);
    expect(t.clock.pending).toBe(0);
  });

  it('lets the policy run its own clock timers, e.g. to sample concurrency every second', () => {
    const samples: number[] = [];
    let control: PolicyControl | null = null;
    const sampler: KeepAlivePolicy = {
      attach(c) {
        control = c;
        const tick = (): void => {
          const counts = c.counts();
          samples.push(counts.busy + counts.starting);
          if (samples.length < 3) c.clock.schedule(c.clock.now() + 1_000, tick);
        };
        c.clock.schedule(1_000, tick);
      },
      keepAliveMs: () => 60_000,
    };
    const t = fixture({ f: answers('x', 1_500) });
    t.platform.deploy(fn('f', { policy: sampler }));
    t.send('f');
    t.send('f');
    t.clock.advance(5_000);
    expect(control).not.toBeNull();
    expect(samples).toEqual([2, 0, 0]);
  });

  it('detaches the old policy when a new version is deployed', () => {
    const spy = spyPolicy();
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    t.platform.deploy(fn('f'));
    expect(spy.seen).toEqual(['attach', 'detach']);
  });
});

describe('requests and instances started ahead of traffic', () => {
  function burst(routeToStarting: boolean) {
    const spy = spyPolicy();
    const t = fixture({ f: answers('x', 100) }, { routeToStarting });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    spy.control().prewarm(2);
    t.clock.advance(10);
    const records = [t.send('f'), t.send('f'), t.send('f')];
    t.clock.advance(1_000);
    return { t, records };
  }

  it('by default start new instances rather than wait for ones still starting (only idle instances take requests, as on Lambda and in SimFaaS)', () => {
    const { t, records } = burst(false);
    expect(t.host.started).toHaveLength(5);
    expect(records.map((r) => r.startMs)).toEqual([65, 65, 65]);
  });

  it('with routeToStarting, wait for the instances already starting (Knative activator), oldest first', () => {
    const { t, records } = burst(true);
    expect(t.host.started).toHaveLength(3);
    expect(records.map((r) => [r.instanceId, r.startKind, r.startMs])).toEqual([
      ['f-1', 'cold', 55],
      ['f-2', 'cold', 55],
      ['f-3', 'cold', 65],
    ]);
  });

  it('names the instance on a request whose cold start failed in init', () => {
    const t = fixture({ f: { ...answers('x'), init: () => ({ errorType: 'Error', errorMessage: 'no' }) } });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record.instanceId).toBe('f-1');
  });
});

describe('limits on what a policy may start', () => {
  it('holds pre-warming to the scale-out rate, but not provisioned instances', () => {
    const spy = spyPolicy();
    const t = fixture({ f: answers('x', 100) }, { scaleOut: { instances: 2, windowMs: 60_000 } });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    expect(spy.control().prewarm(5)).toBe(2);
    expect(spy.control().prewarm(3, { provisioned: true })).toBe(3);
    expect(t.send('f').status).toBe('throttled');
    t.clock.advance(60_000);
    expect(spy.control().prewarm(1)).toBe(1);
  });

  it('starts nothing for a function that was removed', () => {
    const spy = spyPolicy();
    const t = fixture({ f: answers('x', 100) });
    t.platform.deploy(fn('f', { policy: spy.policy }));
    const control = spy.control();
    t.platform.remove('f');
    expect(control.prewarm(2)).toBe(0);
    expect(t.platform.has('f')).toBe(false);
    expect(spy.seen).toEqual(['attach', 'detach']);
  });
});
