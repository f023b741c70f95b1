import { Platform } from '../faas/platform.ts';
import type { KeepAlivePolicy } from '../faas/keep-alive-policy.ts';
import { concurrencyAutoscaler } from '../faas/policies/concurrency-autoscaler.ts';
import { fixedKeepAlive } from '../faas/policies/fixed-keep-alive.ts';
import { hybridHistogram } from '../faas/policies/hybrid-histogram.ts';
import { provisionedConcurrency } from '../faas/policies/provisioned-concurrency.ts';
import { arrivals } from './arrivals.ts';
import { distribution } from './distributions.ts';
import type { ModelConfig } from './model-config.ts';
import { ModelledStart, platformProfile, plus } from './platform-profiles.ts';
import { Random } from './random.ts';
import { RunStats } from './run-stats.ts';
import type { SeriesPoint } from './run-stats.ts';
import { SimulatedInstanceHost } from './simulated-host.ts';
import { VirtualClock } from './virtual-clock.ts';

export interface ModelResult {
  requests: number;
  coldStarts: number;
  warmStarts: number;
  rejected: number;
  /** Requests that ran but did not succeed (timeouts when a drawn time exceeds the function's timeout). */
  failed: number;
  pCold: number;
  pReject: number;
  /** Time-averaged instance counts from an empty start: all, running a request, idle, starting ahead of traffic. */
  avgInstances: number;
  avgRunning: number;
  avgIdle: number;
  avgStarting: number;
  /** Memory held by idle instances: the cost of keeping warm. */
  idleGbSeconds: number;
  /** Billed duration times memory of the requests that ran: the cost of the work itself. */
  billedGbSeconds: number;
  /** Most instances running or starting at once. */
  peakConcurrency: number;
  peakInstances: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number };
  lifespan: { count: number; meanS: number; p50S: number; p99S: number };
  horizonS: number;
  events: number;
  wallSeconds: number;
  /** Simulated requests per wall-clock second. */
  requestsPerSecond: number;
  series: SeriesPoint[];
}

export interface RunOptions {
  /** Called between slices of the run with the fraction of the horizon done. */
  onProgress?: (fraction: number) => void;
  /** Slices the run is cut into for progress reports (default 50). */
  slices?: number;
}

const FUNCTION = 'model';
const REQUEST_ID = 'model-request';
const MAX_BUCKETS = 200;

/**
 * Runs the real Platform on a virtual clock with simulated instances: arrivals from the configured process,
 * response times from the configured distributions, the chosen policy, statistics streamed into RunStats.
 */
export function runModel(config: ModelConfig, options: RunOptions = {}): ModelResult {
  const horizonMs = positive(config.horizonS, 'horizon') * 1000;
  const warm = distribution(config.warm);
  const measuredCold = distribution(config.cold);
  const measuredStartup = distribution(config.startup ?? { kind: 'constant', value: Math.max(0, measuredCold.mean - warm.mean) });
  const modelled = new ModelledStart(platformProfile(config.profile ?? 'local'), config.packageBytes ?? 0);
  const cold = modelled.empty ? measuredCold : plus(measuredCold, modelled.total());
  const startup = modelled.empty ? measuredStartup : plus(measuredStartup, modelled.total());
  const arrival = arrivals(config.arrival);
  const maxConcurrency = config.maxConcurrency;
  if (!(maxConcurrency >= 1)) throw new RangeError(`The maximum concurrency must be at least 1, not ${maxConcurrency}`);
  if (!(config.keepAliveS >= 0)) throw new RangeError(`The keep-alive must be zero or more seconds, not ${config.keepAliveS}`);
  const bucketMs = config.resolutionS !== undefined ? positive(config.resolutionS, 'resolution') * 1000 : horizonMs / MAX_BUCKETS;
  if (horizonMs / bucketMs > 100_000) throw new RangeError(`A resolution of ${config.resolutionS} s gives more than 100,000 points over the horizon`);

  const random = new Random(config.seed);
  const clock = new VirtualClock();
  const stats = new RunStats(horizonMs, bucketMs);
  const platform = new Platform({
    clock,
    host: new SimulatedInstanceHost(clock, { warm, cold, startup }, random),
    // Records are counted, never looked up, so every request may share one id (a string per request costs ~5 %).
    requestIds: () => REQUEST_ID,
    keepLogs: false,
    observer: stats,
    // Simulated start-ups follow their distribution; the live platform's 10 s init limit is not part of the model.
    initLimitMs: Infinity,
    ...(config.scaleOut ? { scaleOut: { instances: config.scaleOut.instances, windowMs: config.scaleOut.windowS * 1000 } } : {}),
  });
  platform.deploy({
    name: FUNCTION,
    dialect: 'lambda',
    exportName: 'handler',
    bundle: '',
    memoryMb: config.memoryMb ?? 128,
    timeoutS: config.timeoutS ?? 900,
    maxConcurrency,
    policy: policyFor(config),
  });
  // Nothing else keeps a record once it is counted, so each goes back to the platform for reuse (a throttled one is
  // finished before submit returns, and is handed back after its arrival is counted).
  const stopCounting = platform.onComplete((record) => {
    stats.completed(record);
    if (record.startKind !== 'throttled') platform.release(record);
  });

  const event = {};
  let arrivalsSeen = 0;
  // Arrivals are a stream beside the timer heaps (half the heap work per request), one draw ahead; the clock fires
  // each after any timer due at the same moment.
  const arriving = {
    nextAt: arrival.next(0, random),
    fire() {
      const record = platform.submit(FUNCTION, event);
      stats.arrived(record, this.nextAt);
      if (record.startKind === 'throttled') platform.release(record);
      arrivalsSeen++;
      this.nextAt = arrival.next(this.nextAt, random);
    },
  };
  clock.follow(arriving);
  const started = performance.now();
  const slices = Math.max(1, options.slices ?? 50);
  for (let slice = 1; slice <= slices; slice++) {
    clock.runUntil((horizonMs * slice) / slices);
    options.onProgress?.(slice / slices);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  stats.finish(horizonMs);
  const events = clock.fired + arrivalsSeen;
  // Requests still running at the horizon were counted when they arrived; shutting down must not fail them.
  stopCounting();
  platform.shutdown();

  const averages = stats.averages(horizonMs);
  const latency = stats.latencyMs;
  const requests = stats.requests;
  return {
    requests,
    coldStarts: stats.coldStarts,
    warmStarts: stats.warmStarts,
    rejected: stats.rejected,
    failed: stats.failed,
    pCold: requests === 0 ? 0 : stats.coldStarts / requests,
    pReject: requests === 0 ? 0 : stats.rejected / requests,
    avgInstances: averages.instances,
    avgRunning: averages.running,
    avgIdle: averages.idle,
    avgStarting: averages.starting,
    idleGbSeconds: (stats.idleInstanceSeconds * (config.memoryMb ?? 128)) / 1024,
    billedGbSeconds: stats.billedGbSeconds,
    peakConcurrency: stats.peakConcurrency,
    peakInstances: stats.peakInstances,
    latencyMs: { mean: latency.mean, p50: latency.quantile(0.5), p95: latency.quantile(0.95), p99: latency.quantile(0.99) },
    lifespan: stats.lifespans,
    horizonS: config.horizonS,
    events,
    wallSeconds,
    requestsPerSecond: wallSeconds > 0 ? requests / wallSeconds : Infinity,
    series: stats.series(horizonMs),
  };
}

function policyFor(config: ModelConfig): KeepAlivePolicy {
  const keepAlive = fixedKeepAlive(config.keepAliveS);
  switch (config.policy) {
    case 'fixed':
      return keepAlive;
    case 'provisioned':
      return provisionedConcurrency(config.provisioned ?? 0, keepAlive);
    case 'histogram':
      return hybridHistogram({ fallbackMs: config.keepAliveS * 1000 });
    case 'autoscaler':
      return concurrencyAutoscaler({ minInstances: config.provisioned ?? 0 });
  }
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`The ${what} must be a positive number of seconds, not ${value}`);
  return value;
}
