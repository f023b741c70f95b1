import type { InvocationRecord } from '../faas/invocation-record.ts';

/**
 * One line of the gateway's access log, as `serve --json` prints it. Fields that do not apply (no function for an
 * unknown route, no instance for a throttled request) are null, never made up.
 */
export interface AccessRecord {
  time: string;
  method: string;
  path: string;
  status: number;
  function: string | null;
  instance: string | null;
  start: 'cold' | 'warm' | null;
  /** The handler's run time, as the REPORT line's Duration. */
  durationMs: number | null;
  billedMs: number | null;
  requestId: string | null;
}

export function accessRecord(method: string, path: string, status: number, arrivedAt: number, record: InvocationRecord | null): AccessRecord {
  const ran = record !== null && record.startKind !== 'throttled' ? { start: record.startKind, durationMs: round2(record.durationMs), billedMs: record.billedDurationMs } : null;
  return {
    time: new Date(arrivedAt).toISOString(),
    method,
    path,
    status,
    function: record?.functionName ?? null,
    instance: record?.instanceId ?? null,
    start: ran?.start ?? null,
    durationMs: ran?.durationMs ?? null,
    billedMs: ran?.billedMs ?? null,
    requestId: record?.requestId ?? null,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
