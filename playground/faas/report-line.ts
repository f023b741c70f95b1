import type { InvocationRecord } from './invocation-record.ts';
import { initDurationMs } from './phases.ts';

/**
 * Lambda's REPORT line for a finished invocation (tab separated, as CloudWatch shows it). Max Memory Used is left
 * out when unknown rather than shown as a made-up figure; Init Duration appears on cold starts only and covers what
 * phases.ts says it does; Billed Duration includes it where the billing rule bills init, as Lambda's line does since
 * 2025-08; timeouts, crashes and out-of-memory ends carry the newer `Status:` field.
 */
export function formatReportLine(record: InvocationRecord): string {
  const parts = [
    `REPORT RequestId: ${record.requestId}`,
    `Duration: ${record.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${record.billedDurationMs} ms`,
    `Memory Size: ${record.memoryMb} MB`,
  ];
  if (record.maxMemoryUsedMb !== null) parts.push(`Max Memory Used: ${Math.ceil(record.maxMemoryUsedMb)} MB`);
  if (record.startKind === 'cold' && record.phases) parts.push(`Init Duration: ${initDurationMs(record.phases).toFixed(2)} ms`);
  const status = REPORT_STATUS[record.status];
  if (status) parts.push(`Status: ${status}`);
  return parts.join('\t');
}

const REPORT_STATUS: Partial<Record<InvocationRecord['status'], string>> = {
  timeout: 'timeout',
  crashed: 'error',
  oom: 'error',
};
