import type { Breakdown } from '../../faas/phases.ts';
import type { ErrorInfo } from '../../faas/protocol.ts';
import type { RequestBar } from '../timeline/timeline-model.ts';

/** One finished request as the panels show it, whichever engine produced it. */
export interface InvocationView {
  bar: RequestBar;
  /** Number of the instance in the order instances appeared (1, 2, …); undefined when throttled. */
  instanceNumber: number | undefined;
  durationMs: number;
  /** Lambda's Init Duration and its phases, on a cold start only. */
  initDuration: Breakdown | undefined;
  billedDurationMs: number;
  /** How much of the billed duration was init: 0 on warm starts and where the billing rule does not bill init. */
  billedInitMs: number;
  billedGbSeconds: number;
  memoryMb: number;
  maxMemoryMb: number | undefined;
  result: { ok: true; value: unknown } | { ok: false; error: ErrorInfo };
  /** The platform's REPORT line for this request. */
  report: string;
}
