import { describe, expect, it } from 'vitest';
import { billedDurationMs, gbSeconds } from '../../../playground/faas/billing.ts';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { formatReportLine } from '../../../playground/faas/report-line.ts';
import { fixture, fn } from './platform-fixture.ts';

describe('billing', () => {
  it('rounds the duration up to the next millisecond, at least 1 ms for a handler that ran', () => {
    expect(billedDurationMs(12.01)).toBe(13);
    expect(billedDurationMs(12)).toBe(12);
    expect(billedDurationMs(0.2)).toBe(1);
    expect(billedDurationMs(0)).toBe(1);
  });

  it('charges billed seconds times memory in GB', () => {
    expect(gbSeconds(1000, 1024)).toBe(1);
    expect(gbSeconds(100, 128)).toBeCloseTo(0.0125, 12);
    expect(gbSeconds(13, 512)).toBeCloseTo(0.0065, 12);
  });

  it('fills the record from the handler duration the host measured', () => {
    const t = fixture({ f: { handle: () => ({ kind: 'ok', value: 1, durationMs: 12.34, maxMemoryMb: 40.2 }) } });
    t.platform.deploy(fn('f', { memoryMb: 256 }));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record).toMatchObject({ durationMs: 12.34, billedDurationMs: 13, memoryMb: 256, maxMemoryUsedMb: 40.2 });
    expect(record.gbSeconds).toBeCloseTo(0.013 * 0.25, 12);
    expect(record.maxMemoryUsedMb).toBe(40.2);
  });

  it('leaves max memory unknown when the host did not measure it', () => {
    const t = fixture({ f: { handle: () => ({ kind: 'ok', value: 1, durationMs: 5 }) } });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record.maxMemoryUsedMb).toBeNull();
  });
});

function record(overrides: Partial<InvocationRecord>): InvocationRecord {
  return {
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    functionName: 'f',
    dialect: 'lambda',
    instanceId: 'f-1',
    startKind: 'warm',
    status: 'ok',
    arrivalMs: 0,
    startMs: 0,
    endMs: 12.34,
    phases: null,
    durationMs: 12.34,
    billedDurationMs: 13,
    memoryMb: 128,
    gbSeconds: 0,
    maxMemoryUsedMb: 40,
    result: null,
    error: null,
    throttle: null,
    statusCode: 200,
    logs: [],
    ...overrides,
  };
}

describe('REPORT line', () => {
  it('reads like Lambda’s for a warm invocation', () => {
    expect(formatReportLine(record({}))).toBe(
      'REPORT RequestId: c6af9ac6-7b61-11e6-9a41-93e812345678\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB',
    );
  });

  it('adds Init Duration (code load + init, not sandbox creation) on a cold start', () => {
    const line = formatReportLine(record({ startKind: 'cold', phases: { spawnMs: 20, loadMs: 15.05, initMs: 40.05 } }));
    expect(line.endsWith('\tMax Memory Used: 40 MB\tInit Duration: 55.10 ms')).toBe(true);
  });

  it('leaves out Max Memory Used when unknown, and says Status: timeout on a timeout', () => {
    const line = formatReportLine(record({ status: 'timeout', maxMemoryUsedMb: null, durationMs: 3000, billedDurationMs: 3000 }));
    expect(line).toBe('REPORT RequestId: c6af9ac6-7b61-11e6-9a41-93e812345678\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tStatus: timeout');
  });
});
