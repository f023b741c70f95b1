import { afterEach, describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { initDuration } from '../../../playground/faas/phases.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import { RealClock } from '../../../playground/faas/real-clock.ts';
import { formatReportLine } from '../../../playground/faas/report-line.ts';
import { NodeInstanceHost } from '../../../playground/hosts/node/node-instance-host.ts';
import { main } from '../../../playground/cli/main.ts';
import { reportBreakdown } from '../../../playground/cli/report-breakdown.ts';
import { InstanceNames } from '../../../playground/ui/engine/instance-names.ts';
import { viewOf } from '../../../playground/ui/engine/record-view.ts';
import { describe as hover } from '../../../playground/ui/panels/timeline-panel.ts';
import { playgroundStrings } from '../../../src/i18n/playground.ts';
import { fakeIO } from '../cli/fake-io.ts';

/** One truth for every figure, on real worker_threads instances: each place prints the same numbers. */
const SLOW_INIT = `const t = Date.now(); while (Date.now() - t < 15) {}
exports.handler = async () => ({ ok: true });`;

let platform: Platform | undefined;

afterEach(() => {
  platform?.shutdown();
  platform = undefined;
});

async function coldThenWarm(dialect: 'lambda' | 'scf', billing: 'current' | 'before-2025-08'): Promise<InvocationRecord[]> {
  const clock = new RealClock();
  platform = new Platform({ clock, host: new NodeInstanceHost({ clock }), billing });
  platform.deploy({ name: 'f', dialect, exportName: 'handler', bundle: SLOW_INIT, memoryMb: 128, timeoutS: 3 });
  const cold = await platform.invoke('f', {});
  const warm = await platform.invoke('f', {});
  expect([cold.startKind, warm.startKind]).toEqual(['cold', 'warm']);
  return [cold, warm];
}

describe('figures on the Node host', () => {
  it('a cold Lambda request: REPORT line, result view, timeline hover and CLI breakdown agree, and its bill includes init', async () => {
    const [cold] = await coldThenWarm('lambda', 'current');
    const phases = cold!.phases!;
    const init = initDuration(phases);
    expect(init.totalMs).toBeCloseTo(phases.spawnMs + phases.loadMs + phases.initMs, 9);
    const report = formatReportLine(cold!);
    const view = viewOf(cold!, new InstanceNames());
    const tip = hover(view.bar, playgroundStrings.en);
    const cli = reportBreakdown(cold!).join('\n');
    const initText = init.totalMs.toFixed(2);
    expect(report).toContain(`\tInit Duration: ${initText} ms`);
    expect(tip).toContain(`Init Duration ${initText} ms = worker start ${phases.spawnMs.toFixed(2)} + code load ${phases.loadMs.toFixed(2)} + your init ${phases.initMs.toFixed(2)}`);
    expect(cli).toContain(`Init Duration ${initText} ms = worker start ${phases.spawnMs.toFixed(2)} + code load`);
    expect(view.initDuration?.totalMs).toBe(init.totalMs);
    expect(tip).toContain(` · Duration ${cold!.durationMs.toFixed(2)} ms`);
    expect(report).toContain(`\tDuration: ${cold!.durationMs.toFixed(2)} ms\t`);
    expect(cold!.billedDurationMs).toBe(Math.ceil(cold!.durationMs + init.totalMs));
    expect(report).toContain(`\tBilled Duration: ${cold!.billedDurationMs} ms\t`);
    expect(cli).toContain(`Billed Duration ${cold!.billedDurationMs} ms = Duration ${cold!.durationMs.toFixed(2)} + Init Duration ${initText}, rounded up`);
    // Your init really is the module's top level: it spun for 15 ms.
    expect(phases.initMs).toBeGreaterThanOrEqual(14);
  });

  it('a warm request has no Init Duration anywhere and is billed its Duration alone', async () => {
    const [, warm] = await coldThenWarm('lambda', 'current');
    const report = formatReportLine(warm!);
    const view = viewOf(warm!, new InstanceNames());
    expect(report).not.toContain('Init Duration');
    expect(hover(view.bar, playgroundStrings.en)).not.toContain('Init Duration');
    expect(view.initDuration).toBeUndefined();
    expect(reportBreakdown(warm!)).toEqual([]);
    expect(warm!.billedDurationMs).toBe(Math.max(1, Math.ceil(warm!.durationMs)));
    expect(report).toContain(`\tBilled Duration: ${warm!.billedDurationMs} ms\t`);
  });

  it('SCF, and Lambda before 2025-08, show the same Init Duration but bill the Duration alone', async () => {
    for (const [dialect, rule] of [['scf', 'current'], ['lambda', 'before-2025-08']] as const) {
      const [cold] = await coldThenWarm(dialect, rule);
      platform?.shutdown();
      expect(cold!.billedInitMs).toBe(0);
      expect(cold!.billedDurationMs).toBe(Math.max(1, Math.ceil(cold!.durationMs)));
      expect(formatReportLine(cold!)).toContain(`\tInit Duration: ${initDuration(cold!.phases!).totalMs.toFixed(2)} ms`);
      expect(reportBreakdown(cold!).join('\n')).toContain('(Init Duration not billed under this rule)');
    }
  });

  it('hello-serverless invoke prints the breakdown under the REPORT line with the same figures', async () => {
    const io = fakeIO();
    expect(await main(['invoke', new URL('../../fixtures/scf-template', import.meta.url).pathname], io)).toBe(0);
    const report = /^REPORT .*$/m.exec(io.err)?.[0] ?? '';
    const init = /^ {2}Init Duration (\d+\.\d\d) ms = worker start (\d+\.\d\d) \+ code load (\d+\.\d\d) \+ your init (\d+\.\d\d)$/m.exec(io.err);
    expect(init).not.toBeNull();
    expect(report).toContain(`\tInit Duration: ${init![1]} ms`);
    const [total, ...parts] = init!.slice(1).map(Number);
    expect(parts.reduce((sum, ms) => sum + ms, 0)).toBeCloseTo(total!, 1);
    const billed = /^ {2}Billed Duration (\d+) ms = Duration (\d+\.\d\d)/m.exec(io.err);
    expect(report).toContain(`\tBilled Duration: ${billed![1]} ms\t`);
    expect(report).toContain(`\tDuration: ${billed![2]} ms\t`);
  });
});
