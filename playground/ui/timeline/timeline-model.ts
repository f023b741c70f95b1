import type { ModelledDurations } from '../../faas/phases.ts';

/**
 * What the timeline draws, gathered from the platform's events: one lane per instance (when it started, whether it
 * was provisioned, when and why it ended) and one bar per request. Times are the platform clock's milliseconds.
 */
export type StartKind = 'cold' | 'warm' | 'throttled';

export type RequestStatus = 'ok' | 'error' | 'timeout' | 'throttled' | 'crashed' | 'oom';

export interface RequestBar {
  requestId: string;
  /** Undefined for a throttled request: it never reached an instance. */
  instanceId: string | undefined;
  kind: StartKind;
  status: RequestStatus;
  arrival: number;
  /** When the handler started running. */
  start: number;
  end: number;
  /** Cold-start phases in milliseconds; zero on a warm start. */
  spawnMs: number;
  loadMs: number;
  initMs: number;
  /** A platform profile's modelled phases before the measured ones (cold starts only): drawn hatched, never measured. */
  modelled?: ModelledDurations;
  /** The handler's Duration as the REPORT line prints it (the host's measure, not end - start); set by viewOf. */
  durationMs?: number;
}

export type LaneEnd = 'reclaimed' | 'crashed' | 'timed-out' | 'init-failed' | 'replaced';

export interface Lane {
  instanceId: string;
  startedAt: number;
  provisioned: boolean;
  endedAt: number | undefined;
  endReason: LaneEnd | undefined;
}

export class TimelineModel {
  readonly lanes: Lane[] = [];
  readonly bars: RequestBar[] = [];
  private readonly byInstance = new Map<string, Lane>();

  instanceStarted(instanceId: string, at: number, provisioned = false): void {
    if (this.byInstance.has(instanceId)) return;
    const lane: Lane = { instanceId, startedAt: at, provisioned, endedAt: undefined, endReason: undefined };
    this.byInstance.set(instanceId, lane);
    this.lanes.push(lane);
  }

  instanceEnded(instanceId: string, at: number, reason: LaneEnd): void {
    const lane = this.byInstance.get(instanceId);
    if (!lane || lane.endedAt !== undefined) return;
    lane.endedAt = at;
    lane.endReason = reason;
  }

  requestFinished(bar: RequestBar): void {
    if (bar.instanceId !== undefined) this.instanceStarted(bar.instanceId, bar.arrival);
    this.bars.push(bar);
  }

  /** The span worth drawing: from the first thing that happened to `now` (or the last thing, if later). */
  span(now: number): { from: number; to: number } {
    let from = Infinity;
    let to = -Infinity;
    for (const lane of this.lanes) {
      from = Math.min(from, lane.startedAt);
      to = Math.max(to, lane.endedAt ?? lane.startedAt);
    }
    for (const bar of this.bars) {
      from = Math.min(from, bar.arrival);
      to = Math.max(to, bar.end);
    }
    if (from === Infinity) return { from: now, to: now };
    return { from, to: Math.max(to, Math.min(now, to + 60_000)) };
  }
}
