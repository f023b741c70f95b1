import type { ErrorInfo } from '../../faas/protocol.ts';
import type { RequestBar } from '../timeline/timeline-model.ts';

/** One finished request as the panels show it, whichever engine produced it. */
export interface InvocationView {
  bar: RequestBar;
  /** Number of the instance in the order instances appeared (1, 2, …); undefined when throttled. */
  instanceNumber: number | undefined;
  durationMs: number;
  billedDurationMs: number;
  billedGbSeconds: number;
  memoryMb: number;
  maxMemoryMb: number | undefined;
  result: { ok: true; value: unknown } | { ok: false; error: ErrorInfo };
  /** The platform's REPORT line for this request. */
  report: string;
}
