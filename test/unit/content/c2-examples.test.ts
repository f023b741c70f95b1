import { afterEach, describe, expect, it } from 'vitest';
import { logsOf, run, startExample, stopAll, valueOf } from './load-example.ts';

/**
 * The runnable examples of the concept guides 9-16 teach by what they do, so their behaviour is the lesson: each
 * shows what its page says it shows. (That each answers its own sample event, or fails when failing is the point, is
 * checked for every example in examples.test.ts.)
 */
afterEach(stopAll);

describe('concept guide examples (c2)', () => {
  it('the timeout example is stopped at its 1 s deadline after logging only the first steps', async () => {
    const driver = await startExample('c2-timeout');
    const outcome = await run(driver, driver.example.event, 'slow');
    expect(outcome.timedOut).toBe(true);
    const steps = logsOf(driver, 'slow').filter((log) => log.message.startsWith('step '));
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(steps.length).toBeLessThan(6);
  });

  it('the deadline-aware batch stops early and returns the rest, in order, instead of timing out', async () => {
    const driver = await startExample('c2-deadline-aware');
    const items = (driver.example.event as { items: string[] }).items;
    const value = await valueOf(driver, driver.example.event, 'batch');
    const done = value.done as string[];
    const remaining = value.remaining as string[];
    expect(done.length).toBeGreaterThan(0);
    expect(remaining.length).toBeGreaterThan(0);
    expect([...done, ...remaining]).toEqual(items);
  });

  it('the payment callback applies an order once and acknowledges its duplicate without applying it', async () => {
    const driver = await startExample('c2-idempotent-callback');
    const notice = driver.example.event as Record<string, unknown>;
    const first = await valueOf(driver, notice, 'a');
    const again = await valueOf(driver, notice, 'b');
    const other = await valueOf(driver, { ...notice, out_trade_no: 'LKS20190817002' }, 'c');
    expect([first.duplicate, again.duplicate, other.duplicate]).toEqual([false, true, false]);
    expect([first.return_code, again.return_code, other.return_code]).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(logsOf(driver, 'c').map((log) => log.message).join('\n')).toContain('ledger 17600 fen');
  });

  it('the timer handler checks the day before the scheduled Time, and accepts "timer" in lower case', async () => {
    const driver = await startExample('c2-timer-event');
    const event = driver.example.event as Record<string, unknown>;
    expect(await valueOf(driver, event, 'a')).toEqual({ day: '2019-08-17', silentStores: ['SZ-02'], email: true });
    const quiet = await valueOf(driver, { ...event, Type: 'timer', Time: '2019-08-19T02:00:00Z' }, 'b');
    expect(quiet).toEqual({ day: '2019-08-18', silentStores: [], email: false });
  });

  it('the leveled logger writes one JSON line per message with the request id, and hides debug unless asked', async () => {
    const info = await startExample('c2-leveled-logs');
    await valueOf(info, info.example.event, 'req-info');
    const lines = logsOf(info, 'req-info').map((log) => JSON.parse(log.message) as { level: string; requestId: string });
    expect(lines.map((line) => line.level)).toEqual(['info', 'warn']);
    expect(lines.every((line) => line.requestId === 'req-info')).toBe(true);

    const debug = await startExample('c2-leveled-logs', { LOG_LEVEL: 'debug' });
    await valueOf(debug, debug.example.event, 'req-debug');
    expect(logsOf(debug, 'req-debug').map((log) => (JSON.parse(log.message) as { level: string }).level)).toEqual(['debug', 'info', 'warn']);
  });

  it('the leaky cache grows with every warm invocation until the instance runs out of memory', async () => {
    const driver = await startExample('c2-leaky-cache');
    const first = await valueOf(driver, driver.example.event, 'r0');
    const fifth = await (async () => {
      let last = first;
      for (let i = 1; i < 5; i++) last = await valueOf(driver, driver.example.event, `r${i}`);
      return last;
    })();
    expect([first.invocations, fifth.invocations]).toEqual([1, 5]);
    expect(fifth.heapUsedMb as number).toBeGreaterThan((first.heapUsedMb as number) + 3);

    let failed = false;
    for (let i = 5; i < 400 && !failed; i++) {
      failed = !(await run(driver, driver.example.event, `r${i}`)).ok;
    }
    expect(failed).toBe(true);
    expect(driver.events.some((e) => e.kind === 'exit' && e.reason === 'out-of-memory')).toBe(true);
    // About 120 invocations in a row to reach 128 MB, each a round trip to the worker thread: ~1.5 s on an idle
    // machine, 3-6 s on a loaded one with metrics on or off (the samples cost the handler no CPU).
  }, 30_000);

  it('the layer example imports its helper from /opt', async () => {
    const driver = await startExample('c2-layer-helper');
    expect(await valueOf(driver, driver.example.event, 'a')).toEqual({ orderId: 'A1001', total: '¥88.50' });
  });

  it('the fan-out publishes one task per tag category, keyed so that a redelivery yields the same keys', async () => {
    const driver = await startExample('c2-fan-out');
    const once = await valueOf(driver, driver.example.event, 'a');
    const redelivered = await valueOf(driver, driver.example.event, 'b');
    expect(once.published).toEqual(['LKS20190817001:frequency', 'LKS20190817001:preference', 'LKS20190817001:spend']);
    expect(redelivered.published).toEqual(once.published);
  });
});
