import type { InvocationRecord } from '../faas/invocation-record.ts';
import { formatBreakdown, initDuration, PHASE_NAMES } from '../faas/phases.ts';

/**
 * The lines invoke prints under the REPORT line to say what its sums are made of, with the same names and digits
 * as the line itself and the playground's result table:
 *   Init Duration 110.90 ms = worker start 20.00 + code load 59.90 + your init 31.00
 *   Billed Duration 113 ms = Duration 2.10 + Init Duration 110.90, rounded up
 * A warm request has neither sum, so it gets no lines.
 */
export function reportBreakdown(record: InvocationRecord): string[] {
  if (record.startKind !== 'cold' || !record.phases) return [];
  const lines = [`  Init Duration ${formatBreakdown(initDuration(record.phases), (phase) => PHASE_NAMES[phase])}`];
  if (record.billedDurationMs === 0) return lines;
  const billed = `  Billed Duration ${record.billedDurationMs} ms`;
  lines.push(
    record.billedInitMs > 0
      ? `${billed} = Duration ${record.durationMs.toFixed(2)} + Init Duration ${record.billedInitMs.toFixed(2)}, rounded up`
      : `${billed} = Duration ${record.durationMs.toFixed(2)}, rounded up (Init Duration not billed under this rule)`,
  );
  return lines;
}
