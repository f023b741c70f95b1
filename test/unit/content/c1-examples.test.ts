import { afterEach, describe, expect, it } from 'vitest';
import { startExample, stopAll, valueOf } from './load-example.ts';

/**
 * The runnable examples of the concept guides 1-8 teach by what they return, so their behaviour is the lesson: the
 * lifecycle examples must show warm reuse as the pages describe. (That each answers its own sample event is checked
 * for every example in examples.test.ts.)
 */
afterEach(stopAll);

describe('concept guide examples (c1)', () => {
  it('the warm counter grows on one instance and starts again at 1 on a new instance', async () => {
    const first = await startExample('c1-warm-counter');
    const a = await valueOf(first, {}, 'a');
    const b = await valueOf(first, {}, 'b');
    expect([a.invocations, a.coldStart, b.invocations, b.coldStart]).toEqual([1, true, 2, false]);
    expect(b.instanceId).toBe(a.instanceId);

    const second = await startExample('c1-warm-counter');
    const c = await valueOf(second, {}, 'c');
    expect(c.invocations).toBe(1);
    expect(c.instanceId).not.toBe(a.instanceId);
  });

  it('heavy init is paid once per instance: warm calls report the same sieveMs', async () => {
    const driver = await startExample('c1-heavy-init');
    const cold = await valueOf(driver, { n: 7919 }, 'a');
    const warm = await valueOf(driver, { n: 7920 }, 'b');
    expect([cold.isPrime, warm.isPrime]).toEqual([true, false]);
    expect(warm.sieveMs).toBe(cold.sieveMs);
    expect(warm.servedByThisInstance).toBe(2);
  });

  it('the API gateway example returns an integrated response with a string body, and 400 without a name', async () => {
    const driver = await startExample('c1-apigw-response');
    const ok = await valueOf(driver, driver.example.event, 'a');
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body as string)).toEqual({ hello: 'Ada', path: '/hello' });
    const missing = await valueOf(driver, { ...(driver.example.event as object), queryString: {} }, 'b');
    expect(missing.statusCode).toBe(400);
  });

  it('the callback-style handler delivers its result through the callback', async () => {
    const driver = await startExample('c1-callback-scf');
    const value = await valueOf(driver, { name: 'Lin' }, 'req-cb');
    expect(value).toEqual({ message: 'Hello, Lin!', requestId: 'req-cb' });
  });
});
