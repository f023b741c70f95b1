import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startInstance } from '../hosts/instance-driver.ts';
import type { Driver } from '../hosts/instance-driver.ts';

/**
 * The runnable examples of the concept guides 1-8 teach by what they return, so their behaviour is the lesson:
 * each must answer its own sample event, and the lifecycle examples must show warm reuse as the pages describe.
 */
const examplesRoot = join(import.meta.dirname, '../../../content/examples');

interface Loaded {
  exportName: string;
  files: Record<string, string>;
  event: unknown;
  expectError: boolean;
}

function load(id: string): Loaded {
  const folder = join(examplesRoot, id);
  const config = JSON.parse(readFileSync(join(folder, 'example.json'), 'utf8')) as { handler: string; expectError?: boolean };
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    if (name !== 'example.json' && name !== 'event.json') files[name] = readFileSync(join(folder, name), 'utf8');
  }
  return {
    exportName: config.handler.split('.')[1] ?? '',
    files,
    event: JSON.parse(readFileSync(join(folder, 'event.json'), 'utf8')) as unknown,
    expectError: config.expectError === true,
  };
}

const running: Driver[] = [];

async function start(id: string): Promise<Driver & { event: unknown }> {
  const example = load(id);
  const driver = await startInstance('index.ts', example.files, example.exportName);
  running.push(driver);
  return Object.assign(driver, { event: example.event });
}

async function valueOf(driver: Driver, event: unknown, requestId: string): Promise<Record<string, unknown>> {
  const outcome = await driver.invoke(event, requestId);
  if (!outcome.result.ok) throw new Error(`handler failed: ${JSON.stringify(outcome.result.error)}`);
  return outcome.result.value as Record<string, unknown>;
}

afterEach(() => {
  for (const driver of running.splice(0)) driver.handle.terminate('shutdown');
});

const ids = readdirSync(examplesRoot).filter((id) => id.startsWith('c1-'));

describe('concept guide examples (c1)', () => {
  it.each(ids)('%s answers its own sample event as its page says', async (id) => {
    const example = load(id);
    const driver = await start(id);
    const outcome = await driver.invoke(example.event, 'req-1');
    expect(outcome.result.ok).toBe(!example.expectError);
  });

  it('the warm counter grows on one instance and starts again at 1 on a new instance', async () => {
    const first = await start('c1-warm-counter');
    const a = await valueOf(first, {}, 'a');
    const b = await valueOf(first, {}, 'b');
    expect([a.invocations, a.coldStart, b.invocations, b.coldStart]).toEqual([1, true, 2, false]);
    expect(b.instanceId).toBe(a.instanceId);

    const second = await start('c1-warm-counter');
    const c = await valueOf(second, {}, 'c');
    expect(c.invocations).toBe(1);
    expect(c.instanceId).not.toBe(a.instanceId);
  });

  it('heavy init is paid once per instance: warm calls report the same initMs', async () => {
    const driver = await start('c1-heavy-init');
    const cold = await valueOf(driver, { n: 7919 }, 'a');
    const warm = await valueOf(driver, { n: 7920 }, 'b');
    expect([cold.isPrime, warm.isPrime]).toEqual([true, false]);
    expect(warm.initMs).toBe(cold.initMs);
    expect(warm.servedByThisInstance).toBe(2);
  });

  it('the API gateway example returns an integrated response with a string body, and 400 without a name', async () => {
    const driver = await start('c1-apigw-response');
    const ok = await valueOf(driver, driver.event, 'a');
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body as string)).toEqual({ hello: 'Ada', path: '/hello' });
    const missing = await valueOf(driver, { ...(driver.event as object), queryString: {} }, 'b');
    expect(missing.statusCode).toBe(400);
  });

  it('the callback-style handler delivers its result through the callback', async () => {
    const driver = await start('c1-callback-scf');
    const value = await valueOf(driver, { name: 'Lin' }, 'req-cb');
    expect(value).toEqual({ message: 'Hello, Lin!', requestId: 'req-cb' });
  });
});
