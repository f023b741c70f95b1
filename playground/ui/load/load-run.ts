import { instancesOverTime, latencyWindows, summarize, type BilledRequest, type LoadSummary, type Point } from './load-stats.ts';
import { downsample } from './series-downsample.ts';

/** Everything the Load panel shows of a run, taken from one snapshot so that no part can run ahead of another. */
export interface LoadRunView {
  done: number;
  total: number;
  summary: LoadSummary;
  /** The one time range every chart of the run is drawn over, in platform-clock milliseconds. */
  domain: { t0: number; t1: number };
  latency: { p50: Point[]; p95: Point[]; p99: Point[] };
  instances: Point[];
  coldStarts: Point[];
  throttles: Point[];
}

const LATENCY_WINDOWS = 40;

/** One load run's results as they arrive, and the view of them the summary, progress and charts all draw from. */
export class LoadRun {
  readonly total: number;
  private readonly results: BilledRequest[] = [];

  constructor(total: number) {
    this.total = total;
  }

  add(result: BilledRequest): void {
    this.results.push(result);
  }

  get done(): number {
    return this.results.length;
  }

  /** The run so far, with every series thinned to `columns` chart columns. */
  view(columns: number): LoadRunView | undefined {
    const bars = this.results.map((result) => result.bar);
    if (bars.length === 0) return undefined;
    const instances = instancesOverTime(bars);
    const byEnd = [...bars].sort((a, b) => a.end - b.end);
    const t0 = Math.min(...bars.map((bar) => bar.arrival), ...instances.map((point) => point.t));
    const t1 = Math.max(t0 + 1, ...bars.map((bar) => bar.end));
    const windows = latencyWindows(bars, LATENCY_WINDOWS);
    const thin = (points: Point[]) => downsample(points, t0, t1, columns);
    return {
      done: bars.length,
      total: this.total,
      summary: summarize(this.results, instances),
      domain: { t0, t1 },
      latency: {
        p50: windows.map((w) => ({ t: w.t, value: w.p50 })),
        p95: windows.map((w) => ({ t: w.t, value: w.p95 })),
        p99: windows.map((w) => ({ t: w.t, value: w.p99 })),
      },
      instances: thin(instances),
      coldStarts: thin(runningCount(byEnd, (bar) => bar.kind === 'cold')),
      throttles: thin(runningCount(byEnd, (bar) => bar.kind === 'throttled')),
    };
  }
}

function runningCount<T extends { end: number }>(byEnd: readonly T[], counts: (item: T) => boolean): Point[] {
  let total = 0;
  return byEnd.map((item) => ({ t: item.end, value: (total += counts(item) ? 1 : 0) }));
}
