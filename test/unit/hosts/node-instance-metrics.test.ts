import { describe, expect, it } from 'vitest';
import { compileDirectory } from '../../../playground/compiler/node.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import type { PlatformEvent } from '../../../playground/faas/platform-events.ts';
import type { MetricSample } from '../../../playground/faas/protocol.ts';
import { RealClock } from '../../../playground/faas/real-clock.ts';
import { NodeInstanceHost } from '../../../playground/hosts/node/node-instance-host.ts';
import { startInstance } from './instance-driver.ts';
import type { Driver } from './instance-driver.ts';

const MB = 1024 * 1024;
const LEAKY = new URL('../../../content/examples/c2-leaky-cache/', import.meta.url).pathname;

const samplesOf = (driver: Driver): MetricSample[] => driver.events.flatMap((e) => (e.kind === 'metrics' ? [e.sample] : []));

describe('NodeInstanceHost: runtime metrics', () => {
  it('samples while a request runs and once at its end, with every per-thread figure and no whole-process one', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'exports.handler = async () => { const until = Date.now() + 250; while (Date.now() < until); return 1; };' }, 'handler', { host: { metricsIntervalMs: 50 } });
    await driver.next('ready');
    await driver.invoke({}, 'busy');
    const end = await waitFor(() => samplesOf(driver).find((s) => s.requestId === 'busy'));
    const during = samplesOf(driver).filter((s) => s.requestId === undefined);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(end).toMatchObject({ requestId: 'busy' });
    for (const field of ['heapUsed', 'heapTotal', 'heapLimit', 'external', 'cpuUserUs', 'cpuSystemUs', 'elu'] as const) expect(end[field]).toBeTypeOf('number');
    // Array buffers have no per-thread source the host can read while a handler runs: absent, not zero.
    expect(end.arrayBuffers).toBeUndefined();
    expect(end.heapLimit).toBeGreaterThanOrEqual(128 * MB);
    expect((end.cpuUserUs ?? 0) + (end.cpuSystemUs ?? 0)).toBeGreaterThan(50_000);
    driver.handle.terminate('shutdown');
    await driver.next('exit');
  }, 30_000);

  it('reports each instance its own heap', async () => {
    const big = await startInstance('index.js', { 'index.js': 'const kept = [];\nexports.handler = async () => { for (let i = 0; i < 40; i++) kept.push(new Array(131072).fill(i + 0.5)); return kept.length; };' }, 'handler');
    const small = await startInstance('index.js', { 'index.js': 'exports.handler = async () => 0;' }, 'handler');
    await Promise.all([big.next('ready'), small.next('ready')]);
    await Promise.all([big.invoke({}, 'big'), small.invoke({}, 'small')]);
    const bigEnd = await waitFor(() => samplesOf(big).find((s) => s.requestId === 'big'));
    const smallEnd = await waitFor(() => samplesOf(small).find((s) => s.requestId === 'small'));
    expect((bigEnd.heapUsed ?? 0) - (smallEnd.heapUsed ?? 0)).toBeGreaterThan(30 * MB);
    for (const driver of [big, small]) driver.handle.terminate('shutdown');
    await Promise.all([big.next('exit'), small.next('exit')]);
  }, 30_000);

  it('stops sampling when the instance ends', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'exports.handler = async () => { for (;;); };' }, 'handler', { host: { metricsIntervalMs: 20 } });
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'spin', event: {}, deadline: Date.now() + 30_000 });
    await driver.next('metrics');
    driver.handle.terminate('timeout');
    await driver.next('exit');
    const atExit = samplesOf(driver).length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(samplesOf(driver).length).toBe(atExit);
    expect(driver.events.at(-1)?.kind).toBe('exit');
  }, 30_000);

  it('reports no samples when metrics are off, and still ends an instance over its memory', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'const keep = [];\nexports.handler = async () => { for (let i = 0; i < 400; i++) { keep.push(Buffer.alloc(MB, 1)); await new Promise((r) => setTimeout(r, 2)); } };\nconst MB = 1024 * 1024;' }, 'handler', { memoryMb: 64, host: { metricsIntervalMs: 0 } });
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'buffers', event: {}, deadline: Date.now() + 30_000 });
    expect((await driver.next('exit')).reason).toBe('out-of-memory');
    expect(samplesOf(driver)).toEqual([]);
  }, 30_000);
});

describe('The leaky-cache example on the Node host', () => {
  it('climbs, is killed out of memory at its limit, and the next request gets a new instance', async () => {
    const compiled = await compileDirectory(LEAKY, 'index.ts');
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const clock = new RealClock();
    const platform = new Platform({ clock, host: new NodeInstanceHost({ functionRoot: LEAKY, clock }), keepLogs: false });
    const events: PlatformEvent[] = [];
    platform.on((e) => events.push(e));
    platform.deploy({ name: 'leaky', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, memoryMb: 48, timeoutS: 3 });
    const event = { userId: 'u-1', page: '/menu' };
    let record = await platform.invoke('leaky', event);
    for (let i = 0; i < 200 && record.status === 'ok'; i++) record = await platform.invoke('leaky', event);
    expect(record.error?.errorType).toBe('Runtime.OutOfMemory');
    const killed = record.instanceId;
    const next = await platform.invoke('leaky', event);
    platform.shutdown();

    expect(next).toMatchObject({ status: 'ok', startKind: 'cold' });
    expect(next.instanceId).not.toBe(killed);
    expect(events).toContainEqual(expect.objectContaining({ type: 'instance-crashed', instanceId: killed, reason: 'out-of-memory' }));
    const heap = events.flatMap((e) => (e.type === 'instance-metrics' && e.instanceId === killed && e.sample.heapUsed !== undefined ? [e.sample.heapUsed] : []));
    expect(heap.length).toBeGreaterThan(10);
    expect(Math.max(...heap) - (heap[0] ?? 0)).toBeGreaterThan(20 * MB);
  }, 60_000);
});

async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('never arrived');
}
