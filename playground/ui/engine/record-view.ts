import type { InvocationRecord } from '../../faas/invocation-record.ts';
import { initDuration } from '../../faas/phases.ts';
import { formatReportLine } from '../../faas/report-line.ts';
import type { InstanceNames } from './instance-names.ts';
import type { InvocationView } from './invocation-view.ts';

/**
 * A finished request as the panels show it: its bar on the timeline, its bill, its result and REPORT line. Every
 * figure comes from the record once, so the result table, the timeline and the REPORT line cannot disagree.
 */
export function viewOf(record: InvocationRecord, names: InstanceNames): InvocationView {
  const phases = record.startKind === 'cold' ? record.phases : null;
  return {
    bar: {
      requestId: record.requestId,
      instanceId: record.instanceId ?? undefined,
      kind: record.startKind,
      status: record.status,
      arrival: record.arrivalMs,
      start: record.startMs,
      end: record.endMs,
      spawnMs: phases?.spawnMs ?? 0,
      loadMs: phases?.loadMs ?? 0,
      initMs: phases?.initMs ?? 0,
      ...(phases?.modelled ? { modelled: phases.modelled } : {}),
      durationMs: record.durationMs,
    },
    instanceNumber: record.instanceId === null ? undefined : names.number(record.instanceId),
    durationMs: record.durationMs,
    initDuration: phases ? initDuration(phases) : undefined,
    billedDurationMs: record.billedDurationMs,
    billedInitMs: record.billedInitMs,
    billedGbSeconds: record.gbSeconds,
    memoryMb: record.memoryMb,
    maxMemoryMb: record.maxMemoryUsedMb ?? undefined,
    result: record.error ? { ok: false, error: record.error } : { ok: true, value: record.result },
    report: formatReportLine(record),
  };
}
