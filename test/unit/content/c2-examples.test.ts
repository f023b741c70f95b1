import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startInstance } from '../hosts/instance-driver.ts';
import type { Driver, InstanceEvent } from '../hosts/instance-driver.ts';

/**
 * The runnable examples of the concept guides 9-16 teach by what they do, so their behaviour is the lesson: each
 * answers its own sample event (or fails, when failing is the point), and each shows what its page says it shows.
 */
const examplesRoot = join(import.meta.dirname, '../../../content/examples');

interface Loaded {
  exportName: string;
  files: Record<string, string>;
  event: unknown;
  expectError: boolean;
  timeoutMs: number;
  env: Record<string, string>;
}

function filesUnder(folder: string, root = folder): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) Object.assign(files, filesUnder(path, root));
    else if (folder !== root || (name !== 'example.json' && name !== 'event.json')) files[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

function load(id: string): Loaded {
  const folder = join(examplesRoot, id);
  const config = JSON.parse(readFileSync(join(folder, 'example.json'), 'utf8')) as {
    handler: string;
    expectError?: boolean;
    timeoutS?: number;
    env?: Record<string, string>;
  };
  return {
    exportName: config.handler.split('.')[1] ?? '',
    files: filesUnder(folder),
    event: JSON.parse(readFileSync(join(folder, 'event.json'), 'utf8')) as unknown,
    expectError: config.expectError === true,
    timeoutMs: (config.timeoutS ?? 3) * 1000,
    env: config.env ?? {},
  };
}

const running: Driver[] = [];

async function start(id: string, env?: Record<string, string>): Promise<Driver & { example: Loaded }> {
  const example = load(id);
  const driver = await startInstance('index.ts', example.files, example.exportName, { env: env ?? example.env });
  running.push(driver);
  return Object.assign(driver, { example });
}

interface Run {
  ok: boolean;
  timedOut: boolean;
  value?: unknown;
}

/** Invokes like the platform does: a caller that stops waiting at the timeout and ends the instance. */
async function run(driver: Driver & { example: Loaded }, event: unknown, requestId: string): Promise<Run> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), driver.example.timeoutMs);
  });
  const outcome = await Promise.race([driver.invoke(event, requestId, driver.example.timeoutMs), deadline]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    driver.handle.terminate('timeout');
    return { ok: false, timedOut: true };
  }
  return outcome.result.ok ? { ok: true, timedOut: false, value: outcome.result.value } : { ok: false, timedOut: false };
}

async function valueOf(driver: Driver & { example: Loaded }, event: unknown, requestId: string): Promise<Record<string, unknown>> {
  const outcome = await run(driver, event, requestId);
  if (!outcome.ok) throw new Error(`handler failed${outcome.timedOut ? ' (timed out)' : ''}`);
  return outcome.value as Record<string, unknown>;
}

function logsOf(driver: Driver, requestId: string): Extract<InstanceEvent, { kind: 'log' }>[] {
  return driver.events.filter((e): e is Extract<InstanceEvent, { kind: 'log' }> => e.kind === 'log' && e.requestId === requestId);
}

afterEach(() => {
  for (const driver of running.splice(0)) driver.handle.terminate('shutdown');
});

const ids = readdirSync(examplesRoot).filter((id) => id.startsWith('c2-'));

describe('concept guide examples (c2)', () => {
  it.each(ids)('%s answers its own sample event as its page says', async (id) => {
    const driver = await start(id);
    const outcome = await run(driver, driver.example.event, 'req-1');
    expect(outcome.ok).toBe(!driver.example.expectError);
  });

  it('the timeout example is stopped at its 1 s deadline after logging only the first steps', async () => {
    const driver = await start('c2-timeout');
    const outcome = await run(driver, driver.example.event, 'slow');
    expect(outcome.timedOut).toBe(true);
    const steps = logsOf(driver, 'slow').filter((log) => log.message.startsWith('step '));
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(steps.length).toBeLessThan(6);
  });

  it('the deadline-aware batch stops early and returns the rest, in order, instead of timing out', async () => {
    const driver = await start('c2-deadline-aware');
    const items = (driver.example.event as { items: string[] }).items;
    const value = await valueOf(driver, driver.example.event, 'batch');
    const done = value.done as string[];
    const remaining = value.remaining as string[];
    expect(done.length).toBeGreaterThan(0);
    expect(remaining.length).toBeGreaterThan(0);
    expect([...done, ...remaining]).toEqual(items);
  });

  it('the payment callback applies an order once and acknowledges its duplicate without applying it', async () => {
    const driver = await start('c2-idempotent-callback');
    const notice = driver.example.event as Record<string, unknown>;
    const first = await valueOf(driver, notice, 'a');
    const again = await valueOf(driver, notice, 'b');
    const other = await valueOf(driver, { ...notice, out_trade_no: 'LKS20190817002' }, 'c');
    expect([first.duplicate, again.duplicate, other.duplicate]).toEqual([false, true, false]);
    expect([first.return_code, again.return_code, other.return_code]).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(logsOf(driver, 'c').map((log) => log.message).join('\n')).toContain('ledger 17600 fen');
  });

  it('the timer handler checks the day before the scheduled Time, and accepts "timer" in lower case', async () => {
    const driver = await start('c2-timer-event');
    const event = driver.example.event as Record<string, unknown>;
    expect(await valueOf(driver, event, 'a')).toEqual({ day: '2019-08-17', silentStores: ['SZ-02'], email: true });
    const quiet = await valueOf(driver, { ...event, Type: 'timer', Time: '2019-08-19T02:00:00Z' }, 'b');
    expect(quiet).toEqual({ day: '2019-08-18', silentStores: [], email: false });
  });

  it('the leveled logger writes one JSON line per message with the request id, and hides debug unless asked', async () => {
    const info = await start('c2-leveled-logs');
    await valueOf(info, info.example.event, 'req-info');
    const lines = logsOf(info, 'req-info').map((log) => JSON.parse(log.message) as { level: string; requestId: string });
    expect(lines.map((line) => line.level)).toEqual(['info', 'warn']);
    expect(lines.every((line) => line.requestId === 'req-info')).toBe(true);

    const debug = await start('c2-leveled-logs', { LOG_LEVEL: 'debug' });
    await valueOf(debug, debug.example.event, 'req-debug');
    expect(logsOf(debug, 'req-debug').map((log) => (JSON.parse(log.message) as { level: string }).level)).toEqual(['debug', 'info', 'warn']);
  });

  it('the leaky cache grows with every warm invocation until the instance runs out of memory', async () => {
    const driver = await start('c2-leaky-cache');
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
  });

  it('the layer example imports its helper from /opt', async () => {
    const driver = await start('c2-layer-helper');
    expect(await valueOf(driver, driver.example.event, 'a')).toEqual({ orderId: 'A1001', total: '¥88.50' });
  });

  it('the fan-out publishes one task per tag category, keyed so that a redelivery yields the same keys', async () => {
    const driver = await start('c2-fan-out');
    const once = await valueOf(driver, driver.example.event, 'a');
    const redelivered = await valueOf(driver, driver.example.event, 'b');
    expect(once.published).toEqual(['LKS20190817001:frequency', 'LKS20190817001:preference', 'LKS20190817001:spend']);
    expect(redelivered.published).toEqual(once.published);
  });
});
