import { describe, expect, test } from 'vitest';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { InstanceNames } from '../../../playground/ui/engine/instance-names.ts';
import { viewOf } from '../../../playground/ui/engine/record-view.ts';
import { PHASE_NAMES } from '../../../playground/faas/phases.ts';
import { describe as hover } from '../../../playground/ui/panels/timeline-panel.ts';
import { playgroundStrings } from '../../../src/i18n/playground.ts';

function record(partial: Partial<InvocationRecord>): InvocationRecord {
  return {
    requestId: 'r1',
    functionName: 'f',
    dialect: 'lambda',
    instanceId: 'f#1',
    startKind: 'warm',
    status: 'ok',
    arrivalMs: 100,
    startMs: 100,
    endMs: 105,
    phases: null,
    durationMs: 5,
    billedDurationMs: 5,
    billedInitMs: 0,
    memoryMb: 128,
    gbSeconds: 0.000625,
    maxMemoryUsedMb: null,
    result: { hello: 'world' },
    error: null,
    throttle: null,
    statusCode: 200,
    logs: [],
    ...partial,
  };
}

describe('a finished request as the panels show it', () => {
  test('a cold start carries its phases onto the timeline bar and numbers its instance', () => {
    const names = new InstanceNames();
    names.number('other');
    const view = viewOf(record({ startKind: 'cold', startMs: 140, endMs: 145, phases: { spawnMs: 10, loadMs: 5, initMs: 25 } }), names);
    expect(view.bar).toMatchObject({ kind: 'cold', arrival: 100, start: 140, end: 145, spawnMs: 10, loadMs: 5, initMs: 25, instanceId: 'f#1' });
    expect(view.instanceNumber).toBe(2);
    expect(view.result).toEqual({ ok: true, value: { hello: 'world' } });
    expect(view.report).toMatch(/^REPORT RequestId: r1\tDuration: 5\.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tInit Duration: 40\.00 ms$/);
    expect(view.maxMemoryMb).toBeUndefined();
  });

  test('a warm start draws no start phases even if the record kept them', () => {
    const view = viewOf(record({ phases: { spawnMs: 10, loadMs: 5, initMs: 25 } }), new InstanceNames());
    expect([view.bar.spawnMs, view.bar.loadMs, view.bar.initMs]).toEqual([0, 0, 0]);
  });

  test('a throttled request has no instance and shows its error', () => {
    const error = { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' };
    const view = viewOf(record({ instanceId: null, startKind: 'throttled', status: 'throttled', error, result: undefined }), new InstanceNames());
    expect(view.bar.instanceId).toBeUndefined();
    expect(view.instanceNumber).toBeUndefined();
    expect(view.result).toEqual({ ok: false, error });
  });

  test('the timeline hover shows the REPORT line’s Init Duration and Duration, under the same names', () => {
    const en = playgroundStrings.en;
    const view = viewOf(record({ startKind: 'cold', durationMs: 2.104, phases: { spawnMs: 83.1, loadMs: 79.9, initMs: 31.04 } }), new InstanceNames());
    expect(view.report).toContain('\tDuration: 2.10 ms\t');
    expect(view.report).toMatch(/\tInit Duration: 194\.04 ms$/);
    expect(view.initDuration?.totalMs).toBeCloseTo(194.04, 9);
    expect(hover(view.bar, en)).toContain('Init Duration 194.04 ms = worker start 83.10 + code load 79.90 + your init 31.04');
    expect(hover(view.bar, en)).toContain('Duration 2.10 ms');
  });

  test('the English playground names the phases as the CLI does', () => {
    const en = playgroundStrings.en;
    expect([en.phaseSpawn, en.phaseLoad, en.phaseInit, en.phaseHandler]).toEqual([PHASE_NAMES.workerStart, PHASE_NAMES.codeLoad, PHASE_NAMES.yourInit, PHASE_NAMES.handler]);
  });
});
