import { describe, expect, it } from 'vitest';
import { bill, billedDurationMs, billsInit, gbSeconds, type BillingRule } from '../../../playground/faas/billing.ts';
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
    t.send('f');
    t.clock.advance(1_000);
    const warm = t.send('f');
    t.clock.advance(1_000);
    expect(warm).toMatchObject({ startKind: 'warm', durationMs: 12.34, billedDurationMs: 13, billedInitMs: 0, memoryMb: 256, maxMemoryUsedMb: 40.2 });
    expect(warm.gbSeconds).toBeCloseTo(0.013 * 0.25, 12);
  });

  it('leaves max memory unknown when the host did not measure it', () => {
    const t = fixture({ f: { handle: () => ({ kind: 'ok', value: 1, durationMs: 5 }) } });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record.maxMemoryUsedMb).toBeNull();
  });
});

describe('billing rules', () => {
  // The fake host's cold start: worker start 5 + code load 10 + your init 40 = Init Duration 55 ms.
  function coldThenWarm(dialect: 'lambda' | 'scf', billing: BillingRule) {
    const t = fixture({ f: { handle: () => ({ kind: 'ok', value: 1, durationMs: 12.34 }) } }, { billing });
    t.platform.deploy(fn('f', { dialect, memoryMb: 1024 }));
    const cold = t.send('f');
    t.clock.advance(1_000);
    const warm = t.send('f');
    t.clock.advance(1_000);
    expect([cold.startKind, warm.startKind]).toEqual(['cold', 'warm']);
    return { cold, warm };
  }

  it('Lambda today: a cold request is billed its Init Duration with its Duration, rounded up once', () => {
    const { cold, warm } = coldThenWarm('lambda', 'current');
    expect(cold).toMatchObject({ durationMs: 12.34, billedInitMs: 55, billedDurationMs: 68 });
    expect(cold.gbSeconds).toBeCloseTo(0.068, 12);
    expect(formatReportLine(cold)).toContain('\tBilled Duration: 68 ms\t');
    expect(formatReportLine(cold)).toMatch(/\tInit Duration: 55\.00 ms$/);
    expect(warm).toMatchObject({ billedInitMs: 0, billedDurationMs: 13 });
  });

  it('Lambda before 2025-08: only the Duration is billed, cold or warm', () => {
    const { cold, warm } = coldThenWarm('lambda', 'before-2025-08');
    expect(cold).toMatchObject({ billedInitMs: 0, billedDurationMs: 13 });
    expect(cold.gbSeconds).toBeCloseTo(0.013, 12);
    expect(formatReportLine(cold)).toContain('\tBilled Duration: 13 ms\t');
    expect(warm).toMatchObject({ billedInitMs: 0, billedDurationMs: 13 });
  });

  it('SCF bills run time only, under either rule, cold or warm', () => {
    for (const rule of ['current', 'before-2025-08'] as const) {
      const { cold, warm } = coldThenWarm('scf', rule);
      expect(cold).toMatchObject({ billedInitMs: 0, billedDurationMs: 13 });
      expect(warm).toMatchObject({ billedInitMs: 0, billedDurationMs: 13 });
    }
  });

  it('names the rule per platform', () => {
    expect([billsInit('lambda', 'current'), billsInit('lambda', 'before-2025-08'), billsInit('scf', 'current'), billsInit('scf', 'before-2025-08')]).toEqual([true, false, false, false]);
  });
});

describe("the billing guide's comparison (content/docs/concepts/patterns-and-billing.mdx)", () => {
  // A month: cold requests carry an Init Duration of 250 ms; the rest are warm.
  function month(requests: number, coldShare: number, memoryMb: number, durationMs: number, dialect: 'lambda' | 'scf', rule: BillingRule): number {
    const cold = Math.round(requests * coldShare);
    const coldBill = { dialect, phases: { spawnMs: 0, loadMs: 0, initMs: 250 }, memoryMb, durationMs: 0, billedDurationMs: 0, billedInitMs: 0, gbSeconds: 0 };
    const warmBill = { ...coldBill, phases: null };
    bill(coldBill, durationMs, rule);
    bill(warmBill, durationMs, rule);
    return cold * coldBill.gbSeconds + (requests - cold) * warmBill.gbSeconds;
  }

  it('an API backend, 1 % cold: 183,750 GB-s on Lambda today, 180,000 before 2025-08 and on SCF', () => {
    expect(month(3_000_000, 0.01, 512, 120, 'lambda', 'current')).toBeCloseTo(183_750, 6);
    expect(month(3_000_000, 0.01, 512, 120, 'lambda', 'before-2025-08')).toBeCloseTo(180_000, 6);
    expect(month(3_000_000, 0.01, 512, 120, 'scf', 'current')).toBeCloseTo(180_000, 6);
  });

  it('a timer that always starts cold: 97.2 GB-s on Lambda today, 7.2 before 2025-08 and on SCF', () => {
    expect(month(2_880, 1, 128, 20, 'lambda', 'current')).toBeCloseTo(97.2, 9);
    expect(month(2_880, 1, 128, 20, 'lambda', 'before-2025-08')).toBeCloseTo(7.2, 9);
    expect(month(2_880, 1, 128, 20, 'scf', 'before-2025-08')).toBeCloseTo(7.2, 9);
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
    billedInitMs: 0,
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

  it('adds Init Duration (worker start + code load + your init) on a cold start', () => {
    const line = formatReportLine(record({ startKind: 'cold', phases: { spawnMs: 20, loadMs: 15.05, initMs: 40.05 } }));
    expect(line.endsWith('\tMax Memory Used: 40 MB\tInit Duration: 75.10 ms')).toBe(true);
  });

  it('leaves out Max Memory Used when unknown, and says Status: timeout on a timeout', () => {
    const line = formatReportLine(record({ status: 'timeout', maxMemoryUsedMb: null, durationMs: 3000, billedDurationMs: 3000 }));
    expect(line).toBe('REPORT RequestId: c6af9ac6-7b61-11e6-9a41-93e812345678\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tStatus: timeout');
  });
});
