import { initDurationMs } from './phases.ts';
import type { StartPhases } from './instance-host.ts';
import type { Dialect } from './protocol.ts';

/**
 * Which billing rule the platform follows.
 * - `current`: Lambda bills the Init phase of a cold start with the request that waited for it, since
 *   2025-08-01 for on-demand ZIP functions on managed runtimes (it already did for custom runtimes and container
 *   images) (AWS Compute Blog, "AWS Lambda standardizes billing for INIT Phase", 2025-04-29). SCF bills
 *   configured memory times the function's run time in 1 ms steps; its billing page counts no instance start-up
 *   (tencentcloud.com/document/product/583/12284, 2024-12-02).
 * - `before-2025-08`: Lambda's earlier rule for those functions: only the handler's Duration is billed. SCF is
 *   the same under both rules.
 */
export type BillingRule = 'current' | 'before-2025-08';

export const DEFAULT_BILLING_RULE: BillingRule = 'current';

/** Whether the rule puts a cold start's Init Duration on the bill of the request that waited for it. */
export function billsInit(dialect: Dialect, rule: BillingRule): boolean {
  return dialect === 'lambda' && rule === 'current';
}

/** A request that reached its handler, and what it is billed (an InvocationRecord is one). */
export interface Billable {
  dialect: Dialect;
  /** Set on the request that waited for a cold start; null on a warm start. */
  phases: StartPhases | null;
  memoryMb: number;
  durationMs: number;
  /** Lambda's `Billed Duration`: the handler's duration, plus Init Duration where the rule bills it, rounded up. */
  billedDurationMs: number;
  /** The part of the billed time that was init: 0 on warm starts and where the rule does not bill init. */
  billedInitMs: number;
  gbSeconds: number;
}

/** Fills in the bill of a request whose handler ran for durationMs; allocates nothing, as the Platform bills every request. */
export function bill(request: Billable, durationMs: number, rule: BillingRule): void {
  const initMs = request.phases !== null && billsInit(request.dialect, rule) ? initDurationMs(request.phases) : 0;
  request.durationMs = durationMs;
  request.billedInitMs = initMs;
  request.billedDurationMs = billedDurationMs(durationMs + initMs);
  request.gbSeconds = gbSeconds(request.billedDurationMs, request.memoryMb);
}

/**
 * Both platforms bill in 1 ms steps, rounding up, and a handler that ran at all is billed at least 1 ms, even when
 * a coarse timer (the browser's) measured it as 0 ms. Callers only ask for handlers that ran.
 */
export function billedDurationMs(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs));
}

/** Compute charge unit: billed seconds times configured memory in GB (1 GB = 1024 MB). */
export function gbSeconds(billedMs: number, memoryMb: number): number {
  return (billedMs / 1000) * (memoryMb / 1024);
}
