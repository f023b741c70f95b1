import type { InstanceInfo, KeepAlivePolicy, PolicyControl } from '../keep-alive-policy.ts';

export interface HybridHistogramOptions {
  /** Width of one histogram bin (the paper uses 1 minute). */
  binMs?: number;
  /** Idle times the histogram covers (4 hours); longer ones are counted as out of bounds. */
  rangeMs?: number;
  /** Percentile of idle times that sets the pre-warm window (5th). */
  head?: number;
  /** Percentile that sets the keep-alive window (99th). */
  tail?: number;
  /** Safety margin: the pre-warm window shrinks and the keep-alive window grows by this fraction (10 %). */
  margin?: number;
  /** Idle times needed before the histogram is trusted. */
  minSamples?: number;
  /** The histogram is representative when its bin counts' coefficient of variation reaches this (a peaked histogram). */
  minCv?: number;
  /** Keep-alive used while the histogram is not representative (the paper falls back to its 4-hour range). */
  fallbackMs?: number;
}

export interface HybridWindows {
  representative: boolean;
  /** How long after an idle period starts to load an instance again; 0 = keep the instance loaded. */
  prewarmMs: number;
  /** How long an instance stays loaded (after the request when prewarmMs is 0, else after it is pre-warmed). */
  keepAliveMs: number;
}

/**
 * The hybrid histogram policy of Shahrad et al., "Serverless in the Wild" (USENIX ATC 2020, §4): learn the
 * function's idle times (from the end of its last request to the next arrival, at function level, as the paper does
 * per application) in 1-minute bins over 4 hours. When the histogram is representative, unload right after a
 * request if the 5th percentile is above zero and load one instance again just before it (pre-warm window), then
 * keep it for the 99th percentile (keep-alive window); otherwise fall back to a generous fixed keep-alive.
 * The paper predicts idle times beyond 4 hours with ARIMA; here too many of those also mean the fallback.
 */
export function hybridHistogram(options: HybridHistogramOptions = {}): KeepAlivePolicy & { windows(): HybridWindows } {
  const binMs = options.binMs ?? 60_000;
  const rangeMs = options.rangeMs ?? 4 * 3_600_000;
  const head = options.head ?? 0.05;
  const tail = options.tail ?? 0.99;
  const margin = options.margin ?? 0.1;
  const minSamples = options.minSamples ?? 10;
  const minCv = options.minCv ?? 2;
  const fallbackMs = options.fallbackMs ?? rangeMs;
  const bins = new Float64Array(Math.ceil(rangeMs / binMs));
  let inRange = 0;
  let outOfBounds = 0;
  let idleSince = NaN;
  let control: PolicyControl | null = null;
  let prewarmTimer = -1;
  let windows: HybridWindows = { representative: false, prewarmMs: 0, keepAliveMs: fallbackMs };

  const recompute = (): void => {
    const samples = inRange + outOfBounds;
    if (samples < minSamples || outOfBounds > inRange) {
      windows = { representative: false, prewarmMs: 0, keepAliveMs: fallbackMs };
      return;
    }
    const mean = inRange / bins.length;
    let squares = 0;
    for (const count of bins) squares += (count - mean) ** 2;
    const cv = Math.sqrt(squares / bins.length) / mean;
    if (!(cv >= minCv)) {
      windows = { representative: false, prewarmMs: 0, keepAliveMs: fallbackMs };
      return;
    }
    // Percentiles at bin granularity: the head rounds down to its bin's start, the tail up to its bin's end.
    const headMs = percentileBin(bins, inRange, head) * binMs;
    const tailMs = (percentileBin(bins, inRange, tail) + 1) * binMs;
    const prewarmMs = Math.floor(headMs * (1 - margin));
    windows = { representative: true, prewarmMs, keepAliveMs: Math.max(binMs, Math.ceil(tailMs * (1 + margin)) - prewarmMs) };
  };

  const cancelPrewarm = (): void => {
    if (prewarmTimer !== -1 && control) control.clock.cancel(prewarmTimer);
    prewarmTimer = -1;
  };

  return {
    attach(c) {
      control = c;
    },
    detach() {
      cancelPrewarm();
      control = null;
    },
    onArrival(time) {
      cancelPrewarm();
      if (control && control.counts().busy === 0 && !Number.isNaN(idleSince)) {
        const idle = time - idleSince;
        if (idle < rangeMs) {
          bins[Math.floor(idle / binMs)]!++;
          inRange++;
        } else {
          outOfBounds++;
        }
        recompute();
        idleSince = NaN;
      }
    },
    onDeparture(_instance, time) {
      // The function is idle only when its last running request has ended.
      if (!control || control.counts().busy !== 0) return;
      idleSince = time;
      if (windows.prewarmMs > 0 && control) {
        const c = control;
        prewarmTimer = c.clock.schedule(time + windows.prewarmMs, () => {
          prewarmTimer = -1;
          const counts = c.counts();
          if (counts.idle + counts.starting === 0) c.prewarm(1);
        });
      }
    },
    keepAliveMs(instance: InstanceInfo) {
      if (!windows.representative) return fallbackMs;
      // Loaded by the pre-warm timer and not used yet: keep it for the keep-alive window.
      if (instance.invocations === 0) return windows.keepAliveMs;
      return windows.prewarmMs > 0 ? 0 : windows.keepAliveMs;
    },
    windows: () => windows,
  };
}

/** Index of the bin holding the `q` quantile of `total` counted values. */
function percentileBin(bins: Float64Array, total: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < bins.length; i++) {
    seen += bins[i]!;
    if (seen >= rank) return i;
  }
  return bins.length - 1;
}
