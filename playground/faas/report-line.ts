import type { InvocationRecord } from './invocation-record.ts';

/**
 * Lambda's REPORT line for a finished invocation (tab separated, as CloudWatch shows it). Max Memory Used is left
 * out when unknown rather than shown as a made-up figure; Init Duration appears on cold starts only; timeouts,
 * crashes and out-of-memory ends carry the newer `Status:` field.
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

/** Lambda's Init Duration covers loading the code and running its top level, not creating the sandbox. */
function initDurationMs(phases: { loadMs: number; initMs: number }): number {
  return phases.loadMs + phases.initMs;
}

const REPORT_STATUS: Partial<Record<InvocationRecord['status'], string>> = {
  timeout: 'timeout',
  crashed: 'error',
  oom: 'error',
};
