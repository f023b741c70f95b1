import { afterEach, describe, expect, it } from 'vitest';
import type { FunctionConfig } from '../../../playground/faas/function-config.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import { RealClock } from '../../../playground/faas/real-clock.ts';
import { formatReportLine } from '../../../playground/faas/report-line.ts';
import { NodeInstanceHost } from '../../../playground/hosts/node/node-instance-host.ts';

/** Live mode end to end: the Platform on the real clock with real worker_threads instances running CommonJS bundles. */
const COUNTER = `let count = 0;
exports.handler = async (event) => {
  count += 1;
  if (event.spin) for (;;) {}
  if (event.exit) process.exit(3);
  console.log('request', count);
  return { count };
};`;

let platform: Platform | undefined;
let clock: RealClock | undefined;

function live(overrides: Partial<FunctionConfig> = {}): Platform {
  clock = new RealClock();
  platform = new Platform({ clock, host: new NodeInstanceHost({ clock }) });
  platform.deploy({ name: 'counter', dialect: 'lambda', exportName: 'handler', bundle: COUNTER, memoryMb: 128, timeoutS: 3, ...overrides });
  return platform;
}

afterEach(() => {
  platform?.shutdown();
  platform = undefined;
});

describe('live mode on Node workers', () => {
  it('cold-starts once, then reuses the instance with its module state', async () => {
    const p = live();
    const first = await p.invoke('counter', {});
    const second = await p.invoke('counter', {});
    expect(first).toMatchObject({ status: 'ok', startKind: 'cold', result: { count: 1 } });
    expect(second).toMatchObject({ status: 'ok', startKind: 'warm', result: { count: 2 }, instanceId: first.instanceId });
    expect(first.phases).not.toBeNull();
    expect(second.logs.map((l) => l.message.trim())).toEqual([expect.stringContaining('request 2')]);
    expect(formatReportLine(first)).toMatch(/^REPORT RequestId: \S+\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\t.*Init Duration: \d+\.\d\d ms$/);
  });

  it('ends a spinning instance at the timeout, and the next request starts a fresh one', async () => {
    const p = live({ timeoutS: 0.3 });
    const stuck = await p.invoke('counter', { spin: true });
    expect(stuck).toMatchObject({ status: 'timeout', error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 0.30 seconds' } });
    const next = await p.invoke('counter', {});
    expect(next).toMatchObject({ status: 'ok', startKind: 'cold', result: { count: 1 } });
    expect(next.instanceId).not.toBe(stuck.instanceId);
  });

  it('fails the request of an instance that calls process.exit, and carries on', async () => {
    const p = live();
    const exited = await p.invoke('counter', { exit: true });
    expect(exited).toMatchObject({ status: 'crashed', error: { errorType: 'Runtime.ExitError' } });
    const next = await p.invoke('counter', {});
    expect(next).toMatchObject({ status: 'ok', startKind: 'cold' });
  });

  it('leaves no timers behind after shutdown, so a CLI run can exit', async () => {
    const p = live({ keepAliveS: 600 });
    await p.invoke('counter', {});
    p.shutdown();
    expect(clock!.pending).toBe(0);
  });
});
