import type { Clock } from './clock.ts';
import type { InstanceState } from './instance-state.ts';

/** What a policy may read about an instance. The platform passes its live instances; do not keep them past onInstanceGone. */
export interface InstanceInfo {
  readonly id: string;
  readonly functionName: string;
  /** Clock time the instance was created; newest-first routing prefers the largest. */
  readonly createdAt: number;
  /** Clock time it finished init; NaN until then (and forever if init failed). */
  readonly readyAt: number;
  readonly state: InstanceState;
  /** Started as provisioned concurrency: kept however long it idles, replaced if it dies. */
  readonly provisioned: boolean;
  /** Clock time its last request ended; NaN before its first. */
  readonly lastDepartureMs: number;
  readonly invocations: number;
}

export interface InstanceCounts {
  /** Starting or initializing. */
  starting: number;
  idle: number;
  busy: number;
}

/** The levers a policy may pull on the function it was attached to. */
export interface PolicyControl {
  readonly functionName: string;
  /** The platform's clock: policies read time and schedule their own timers on it. */
  readonly clock: Clock;
  /**
   * Starts up to `count` instances ahead of traffic and returns how many started. Reserved concurrency
   * still applies; the scale-out rate limit applies unless they are provisioned.
   */
  prewarm(count: number, options?: { provisioned?: boolean }): number;
  /** Ends up to `count` idle instances, oldest first, and returns how many it ended. */
  reclaimIdle(count: number): number;
  counts(): InstanceCounts;
}

/**
 * Decides how long instances live and whether some are started before they are needed. The platform tells it about
 * arrivals, departures and instance births and deaths; it answers one question — how long may this instance idle —
 * and may act through its PolicyControl at any time, including from its own clock timers.
 */
export interface KeepAlivePolicy {
  /** Called once when the function is deployed, before any request. */
  attach(control: PolicyControl): void;
  /** Called when the function is updated or removed; cancel your timers here. */
  detach?(): void;
  onArrival?(time: number): void;
  /** A request ended on `instance`; `keepAliveMs` follows at once. */
  onDeparture?(instance: InstanceInfo, time: number): void;
  onInstanceCreated?(instance: InstanceInfo, time: number): void;
  /** The instance ended, whatever the cause; `instance.state` says which final state. */
  onInstanceGone?(instance: InstanceInfo, time: number): void;
  /**
   * The instance just became idle (after init or after a request): how many milliseconds may it stay idle?
   * `Infinity` keeps it; 0 or less reclaims it at once.
   */
  keepAliveMs(instance: InstanceInfo, time: number): number;
}
