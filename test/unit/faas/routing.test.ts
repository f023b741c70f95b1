import { describe, expect, it } from 'vitest';
import { lastIdleFirst, oldestIdleFirst } from '../../../playground/faas/routing-rule.ts';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

/** Three requests at once start three instances; they finish together and all idle. */
function threeIdle(t: ReturnType<typeof fixture>): string[] {
  t.platform.deploy(fn('hello'));
  const ids = [t.send('hello'), t.send('hello'), t.send('hello')];
  t.clock.advance(1_000);
  return ids.map((r) => r.instanceId!);
}

describe('routing', () => {
  it('sends a request to the newest idle instance (largest creation time)', () => {
    const t = fixture({ hello: answers('hi', 100) });
    const [a, b, c] = threeIdle(t);
    expect(new Set([a, b, c]).size).toBe(3);
    const first = t.send('hello');
    const second = t.send('hello');
    t.clock.advance(1_000);
    expect([first.instanceId, second.instanceId]).toEqual([c, b]);
    expect([first.startKind, second.startKind]).toEqual(['warm', 'warm']);
  });

  it('keeps routing to the newest idle one as instances free up in any order', () => {
    const t = fixture({ hello: answers('hi', 100) });
    const [a, , c] = threeIdle(t);
    t.send('hello');
    t.clock.advance(1_000);
    expect(t.records.at(-1)!.instanceId).toBe(c);
    t.send('hello');
    t.send('hello');
    t.send('hello');
    const fourth = t.send('hello');
    t.clock.advance(1_000);
    expect(fourth.startKind).toBe('cold');
    expect(t.records.filter((r) => r.startKind === 'warm').map((r) => r.instanceId)).toContain(a);
  });

  it('takes another routing rule when given one', () => {
    const t = fixture({ hello: answers('hi', 100) }, { routing: oldestIdleFirst });
    const [a, b] = threeIdle(t);
    const first = t.send('hello');
    const second = t.send('hello');
    t.clock.advance(1_000);
    expect([first.instanceId, second.instanceId]).toEqual([a, b]);
  });

  it('starts a new instance when every instance is busy, and the request waits for its init', () => {
    const t = fixture({ hello: answers('hi', 100) });
    t.platform.deploy(fn('hello'));
    const first = t.send('hello');
    t.clock.advance(50);
    const second = t.send('hello');
    t.clock.advance(1_000);
    expect(second).toMatchObject({ startKind: 'cold', arrivalMs: 50, startMs: 50 + 55, endMs: 50 + 55 + 100 });
    expect(second.instanceId).not.toBe(first.instanceId);
  });
});

describe('the last-idle-first rule', () => {
  it('sends a request to the instance that went idle most recently', () => {
    const t = fixture({ f: { handle: (event) => ({ kind: 'ok', value: event, durationMs: event as number }) } }, { routing: lastIdleFirst });
    t.platform.deploy(fn('f'));
    const slow = t.send('f', 300);
    const fast = t.send('f', 100);
    t.clock.advance(1_000);
    expect(t.send('f', 10).instanceId).toBe(slow.instanceId);
    t.clock.advance(1_000);
    expect(fast.instanceId).not.toBe(slow.instanceId);
  });
});
