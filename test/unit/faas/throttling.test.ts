import { describe, expect, it } from 'vitest';
import type { KeepAlivePolicy, PolicyControl } from '../../../playground/faas/keep-alive-policy.ts';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

describe('throttling', () => {
  it('throttles a request that arrives while max-concurrency instances are busy (Lambda: 429 TooManyRequestsException)', () => {
    const t = fixture({ hello: answers('hi', 1_000) });
    t.platform.deploy(fn('hello', { maxConcurrency: 2 }));
    t.send('hello');
    t.send('hello');
    const third = t.send('hello');
    expect(third).toMatchObject({
      status: 'throttled',
      startKind: 'throttled',
      instanceId: null,
      billedDurationMs: 0,
      gbSeconds: 0,
      throttle: { httpStatus: 429, reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
      error: { errorType: 'TooManyRequestsException' },
    });
    expect(t.eventsOf('throttled')).toEqual([expect.objectContaining({ requestId: third.requestId, time: 0 })]);
    t.clock.advance(5_000);
    expect(t.host.started).toHaveLength(2);
  });

  it('answers with SCF status 432 ResourceLimitReached in the scf dialect', () => {
    const t = fixture({ hello: answers('hi', 1_000) });
    t.platform.deploy(fn('hello', { dialect: 'scf', maxConcurrency: 1 }));
    t.send('hello');
    const second = t.send('hello');
    expect(second.throttle).toEqual({ httpStatus: 432, reason: 'ResourceLimitReached' });
    expect(second.error).toMatchObject({ errorType: 'ResourceLimitReached' });
    expect(second.error!.errorMessage).toContain('Function [hello] concurrency exceeded reserved quota');
  });

  it('counts starting instances but not idle ones against the limit', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { maxConcurrency: 1 }));
    t.send('hello');
    expect(t.send('hello').status).toBe('throttled');
    t.clock.advance(1_000);
    expect(t.platform.counts('hello')).toEqual({ starting: 0, idle: 1, busy: 0 });
    const warm = t.send('hello');
    t.clock.advance(1_000);
    expect(warm).toMatchObject({ status: 'ok', startKind: 'warm' });
  });

  it('lets a second instance start when the first is idle and the limit is 2', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { maxConcurrency: 2 }));
    t.send('hello');
    t.clock.advance(1_000);
    const a = t.send('hello');
    const b = t.send('hello');
    const c = t.send('hello');
    t.clock.advance(1_000);
    expect([a.startKind, b.startKind, c.startKind]).toEqual(['warm', 'cold', 'throttled']);
  });

  it('throttles cold starts beyond the scale-out rate, and allows them again once the window has passed', () => {
    const t = fixture({ hello: answers('hi', 10_000) }, { scaleOut: { instances: 2, windowMs: 1_000 } });
    t.platform.deploy(fn('hello'));
    const kinds = [t.send('hello'), t.send('hello'), t.send('hello')].map((r) => r.status);
    expect(kinds).toEqual(['ok', 'ok', 'throttled']);
    expect(t.records[0]!.throttle).toEqual({ httpStatus: 429, reason: 'FunctionInvocationRateLimitExceeded' });
    t.clock.advance(1_000);
    expect(t.send('hello').status).toBe('ok');
  });

  it('resolves invoke() with the throttled record', async () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello', { maxConcurrency: 1 }));
    void t.platform.invoke('hello', {});
    const record = await t.platform.invoke('hello', {});
    expect(record.status).toBe('throttled');
  });
});

describe('reserved concurrency across versions', () => {
  it('counts a request still running on the old version against the new one', () => {
    const t = fixture({ f: answers('x', 1_000) });
    t.platform.deploy(fn('f', { maxConcurrency: 1, bundle: 'v1' }));
    const old = t.send('f');
    t.clock.advance(100);
    t.platform.deploy(fn('f', { maxConcurrency: 1, bundle: 'v2' }));
    expect(t.send('f').status).toBe('throttled');
    t.clock.advance(2_000);
    expect(old.status).toBe('ok');
    const next = t.send('f');
    t.clock.advance(2_000);
    expect(next).toMatchObject({ status: 'ok', startKind: 'cold' });
    expect(t.host.started.at(-1)!.bundle).toBe('v2');
  });
});

describe('the limit on the warm path', () => {
  it('throttles even when an idle instance exists if busy and starting instances already reach the limit (as SimFaaS)', () => {
    let control: PolicyControl | null = null;
    const policy: KeepAlivePolicy = { attach: (c) => (control = c), keepAliveMs: () => 60_000 };
    const t = fixture({ f: answers('hi', 100) });
    t.platform.deploy(fn('f', { maxConcurrency: 2, policy }));
    t.send('f');
    t.send('f');
    t.clock.advance(1_000);
    expect(t.send('f').startKind).toBe('warm');
    expect(control!.prewarm(1)).toBe(1);
    expect(t.platform.counts('f')).toEqual({ starting: 1, idle: 1, busy: 1 });
    expect(t.send('f').status).toBe('throttled');
  });
});
