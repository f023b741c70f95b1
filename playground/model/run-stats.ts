import type { InstanceInfo } from '../faas/keep-alive-policy.ts';
import type { InstanceObserver } from '../faas/platform.ts';
import type { InstanceState } from '../faas/instance-state.ts';
import type { InvocationRecord } from '../faas/invocation-record.ts';
import { QuantileHistogram } from './quantile-histogram.ts';

/** Which count an instance state adds to: starting (incl. initializing), running (busy) or idle; -1 = gone. */
function slot(state: InstanceState | null): number {
  switch (state) {
    case 'starting':
    case 'initializing':
      return 0;
    case 'busy':
      return 1;
    case 'idle':
      return 2;
    default:
      return -1;
  }
}

export interface SeriesPoint {
  /** Start of the bucket, seconds. */
  t: number;
  requests: number;
  coldStarts: number;
  rejected: number;
  /** Time-averaged over the bucket. */
  instances: number;
  running: number;
  idle: number;
}

/**
 * Everything a model run reports, gathered as the run goes and in memory that does not grow with the horizon:
 * counters, time integrals of the instance counts (updated at each state change, like SimFaaS's time-weighted
 * averages, from an empty start), a latency histogram, lifespan sums, and fixed-width buckets for charts.
 */
export class RunStats implements InstanceObserver {
  requests = 0;
  coldStarts = 0;
  warmStarts = 0;
  rejected = 0;
  failed = 0;
  /** Compute billed for the requests that ran: billed duration times memory, as both platforms charge. */
  billedGbSeconds = 0;
  readonly latencyMs = new QuantileHistogram(0.01);
  readonly #lifespanS = new QuantileHistogram(0.001);
  /** Current number of instances starting (or initializing), running a request, and idle. */
  #starting = 0;
  #running = 0;
  #idle = 0;
  /** Integral over time (instance-milliseconds) of each count. */
  readonly #area = new Float64Array(3);
  #last = 0;
  #finished = false;
  /** The chart bucket the last change fell in, and where it ends. */
  #bucket = 0;
  #bucketEnd = 0;
  /** The chart bucket the last arrival fell in, and where it ends. */
  #arrivalBucket = 0;
  #arrivalBucketEnd = -Infinity;
  #peakActive = 0;
  #peakInstances = 0;
  readonly #bucketMs: number;
  readonly #buckets: number;
  readonly #bucketArea: Float64Array;
  readonly #bucketCounts: Uint32Array;

  constructor(horizonMs: number, bucketMs: number) {
    this.#bucketMs = bucketMs;
    this.#buckets = Math.max(1, Math.ceil(horizonMs / bucketMs));
    this.#bucketArea = new Float64Array(this.#buckets * 3);
    this.#bucketCounts = new Uint32Array(this.#buckets * 3);
    this.#bucketEnd = this.#buckets === 1 ? Infinity : bucketMs;
  }

  instanceChanged(instance: InstanceInfo, from: InstanceState | null, time: number): void {
    if (this.#finished) return;
    if (time > this.#last) this.#advance(time);
    const to = instance.state;
    // The two changes every request makes, kept apart from the general bookkeeping so this stays small enough to
    // be inlined into the platform's hot path. A new instance (from null) is told apart first, so the comparisons
    // below only ever see strings and compile to identity checks instead of calls to a generic equality.
    if (from === null) {
      this.#moved(instance, from, to, time);
    } else if (from === 'idle' && to === 'busy') {
      this.#idle--;
      this.#running++;
      if (this.#running + this.#starting > this.#peakActive) this.#peakActive = this.#running + this.#starting;
    } else if (from === 'busy' && to === 'idle') {
      this.#running--;
      this.#idle++;
    } else {
      this.#moved(instance, from, to, time);
    }
  }

  #moved(instance: InstanceInfo, from: InstanceState | null, to: InstanceState, time: number): void {
    this.#count(slot(from), -1);
    const is = slot(to);
    if (is !== -1) this.#count(is, 1);
    else this.#lifespanS.add((time - instance.createdAt) / 1000);
    const active = this.#starting + this.#running;
    if (active > this.#peakActive) this.#peakActive = active;
    if (active + this.#idle > this.#peakInstances) this.#peakInstances = active + this.#idle;
  }

  #count(which: number, by: number): void {
    if (which === 0) this.#starting += by;
    else if (which === 1) this.#running += by;
    else if (which === 2) this.#idle += by;
  }

  /** Counts a request as soon as it is routed (so requests still running at the horizon count, as in SimFaaS). */
  arrived(record: InvocationRecord, time: number): void {
    this.requests++;
    const kind = record.startKind;
    let column = -1;
    if (kind === 'throttled') {
      this.rejected++;
      column = 2;
    } else if (kind === 'cold') {
      this.coldStarts++;
      column = 1;
    } else {
      this.warmStarts++;
    }
    // Arrivals come in time order: the bucket changes once per bucket, so the division is skipped otherwise.
    if (time >= this.#arrivalBucketEnd) {
      this.#arrivalBucket = this.#bucketOf(time);
      this.#arrivalBucketEnd = this.#arrivalBucket === this.#buckets - 1 ? Infinity : (this.#arrivalBucket + 1) * this.#bucketMs;
    }
    const bucket = this.#arrivalBucket;
    this.#bucketCounts[bucket * 3]!++;
    if (column !== -1) this.#bucketCounts[bucket * 3 + column]!++;
  }

  completed(record: InvocationRecord): void {
    if (record.startKind === 'throttled') return;
    if (record.status !== 'ok') this.failed++;
    this.billedGbSeconds += record.gbSeconds;
    this.latencyMs.add(record.endMs - record.arrivalMs);
  }

  /** Closes the integrals at the horizon; instances ended after it (by shutting the model down) are not counted. */
  finish(horizonMs: number): void {
    if (horizonMs > this.#last) this.#advance(horizonMs);
    this.#finished = true;
  }

  /** Time-averaged counts over [0, horizon]. */
  averages(horizonMs: number): { instances: number; running: number; idle: number; starting: number } {
    const [starting = 0, running = 0, idle = 0] = this.#area;
    return {
      instances: (starting + running + idle) / horizonMs,
      running: running / horizonMs,
      idle: idle / horizonMs,
      starting: starting / horizonMs,
    };
  }

  get idleInstanceSeconds(): number {
    return this.#area[2]! / 1000;
  }

  get peakConcurrency(): number {
    return this.#peakActive;
  }

  get peakInstances(): number {
    return this.#peakInstances;
  }

  get lifespans(): { count: number; meanS: number; p50S: number; p99S: number } {
    const h = this.#lifespanS;
    return { count: h.count, meanS: h.mean, p50S: h.quantile(0.5), p99S: h.quantile(0.99) };
  }

  series(horizonMs: number): SeriesPoint[] {
    const points: SeriesPoint[] = [];
    for (let b = 0; b < this.#buckets; b++) {
      const start = b * this.#bucketMs;
      const width = Math.min(this.#bucketMs, horizonMs - start);
      if (width <= 0) break;
      const [starting = 0, running = 0, idle = 0] = this.#bucketArea.subarray(b * 3, b * 3 + 3);
      points.push({
        t: start / 1000,
        requests: this.#bucketCounts[b * 3]!,
        coldStarts: this.#bucketCounts[b * 3 + 1]!,
        rejected: this.#bucketCounts[b * 3 + 2]!,
        instances: (starting + running + idle) / width,
        running: running / width,
        idle: idle / width,
      });
    }
    return points;
  }

  #bucketOf(time: number): number {
    const b = Math.floor(time / this.#bucketMs);
    return b < this.#buckets ? b : this.#buckets - 1;
  }

  /** Adds count × elapsed time to the totals and to each chart bucket the interval crosses. */
  #advance(time: number): void {
    const from = this.#last;
    const starting = this.#starting;
    const running = this.#running;
    const idle = this.#idle;
    const dt = time - from;
    const area = this.#area;
    area[0]! += starting * dt;
    area[1]! += running * dt;
    area[2]! += idle * dt;
    this.#last = time;
    if (starting === 0 && running === 0 && idle === 0) return;
    // Most changes fall in the same chart bucket as the previous one: no division then.
    if (time <= this.#bucketEnd) {
      const bucketArea = this.#bucketArea;
      const at = this.#bucket * 3;
      bucketArea[at]! += starting * dt;
      bucketArea[at + 1]! += running * dt;
      bucketArea[at + 2]! += idle * dt;
    } else {
      this.#advanceBuckets(from, time, starting, running, idle);
    }
  }

  /** Spreads count × elapsed time over each chart bucket the interval [start, time] crosses. */
  #advanceBuckets(start: number, time: number, starting: number, running: number, idle: number): void {
    const bucketArea = this.#bucketArea;
    const bucketMs = this.#bucketMs;
    let from = start;
    while (from < time) {
      const b = this.#bucketOf(from);
      const end = b === this.#buckets - 1 ? time : Math.min(time, (b + 1) * bucketMs);
      const span = end - from;
      const at = b * 3;
      bucketArea[at]! += starting * span;
      bucketArea[at + 1]! += running * span;
      bucketArea[at + 2]! += idle * span;
      this.#bucket = b;
      this.#bucketEnd = b === this.#buckets - 1 ? Infinity : (b + 1) * bucketMs;
      from = end;
    }
  }
}
