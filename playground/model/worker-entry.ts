/// <reference lib="webworker" />
/**
 * The model mode's own Web Worker (a module worker): the page posts a run or a sweep, this thread runs the model and
 * posts throttled progress, then the result or the error. The page cancels by terminating this worker, so a run
 * never has to look for a stop flag. Everything that arrives is checked before it is used; a bad message is
 * answered with an error, never thrown.
 */
import { paretoFront, runSeeds, sweep } from './experiments.ts';
import type { SeedsResult, SummaryKey } from './experiments.ts';
import { SWEEP_KEYS } from './model-config.ts';
import type { ModelConfig, SweepKey } from './model-config.ts';
import type { ModelResult } from './simulation.ts';

export type ModelRequest =
  | { type: 'run'; id: number; config: ModelConfig; seeds?: number }
  | { type: 'sweep'; id: number; config: ModelConfig; key: SweepKey; values: number[]; seeds?: number };

/** One run (the mean over its seeds), with the first seed's series, lifespan and latency. */
export interface RunSummary {
  seeds: number[];
  mean: Record<SummaryKey, number>;
  standardError: Record<SummaryKey, number>;
  latencyMs: ModelResult['latencyMs'];
  lifespan: ModelResult['lifespan'];
  series: ModelResult['series'];
  horizonS: number;
  wallSeconds: number;
  requestsPerSecond: number;
}

export interface SweepSummaryPoint {
  value: number;
  mean: Record<SummaryKey, number>;
  standardError: Record<SummaryKey, number>;
  /** No other value has both fewer cold starts and less idle memory. */
  onFront: boolean;
}

export type ModelReply =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; kind: 'run'; run: RunSummary }
  | { type: 'result'; id: number; kind: 'sweep'; key: SweepKey; points: SweepSummaryPoint[] }
  | { type: 'error'; id: number; message: string };

/** Progress messages are at least this far apart: about 20 a second, enough for a smooth bar. */
const PROGRESS_INTERVAL_MS = 50;
const SLICES = 100;
const MAX_SEEDS = 100;
const MAX_SWEEP_VALUES = 50;

/** The request in `data`, or why it is not one. */
export function parseRequest(data: unknown): ModelRequest | { error: string; id: number } {
  if (!isRecord(data)) return { error: 'A model request must be an object', id: -1 };
  const id = typeof data.id === 'number' && Number.isFinite(data.id) ? data.id : -1;
  if (id < 0) return { error: 'A model request needs a numeric id', id };
  if (data.type !== 'run' && data.type !== 'sweep') return { error: `Unknown model request type ${JSON.stringify(data.type)}`, id };
  if (!isRecord(data.config) || !isRecord(data.config.arrival) || !isRecord(data.config.warm) || !isRecord(data.config.cold)) {
    return { error: 'A model request needs a config with arrival, warm and cold', id };
  }
  const config = data.config as unknown as ModelConfig;
  if (!Number.isSafeInteger(config.seed)) return { error: `The seed must be a whole number, not ${String(config.seed)}`, id };
  const seeds = data.seeds === undefined ? undefined : data.seeds;
  if (seeds !== undefined && (typeof seeds !== 'number' || !Number.isInteger(seeds) || seeds < 1 || seeds > MAX_SEEDS)) {
    return { error: `The number of seeds must be a whole number from 1 to ${MAX_SEEDS}, not ${String(seeds)}`, id };
  }
  if (data.type === 'run') return { type: 'run', id, config, ...(seeds === undefined ? {} : { seeds }) };
  if (typeof data.key !== 'string' || !Object.hasOwn(SWEEP_KEYS, data.key)) return { error: `Cannot sweep ${JSON.stringify(data.key)}`, id };
  const values = data.values;
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_SWEEP_VALUES || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return { error: `A sweep needs 1 to ${MAX_SWEEP_VALUES} numbers`, id };
  }
  return { type: 'sweep', id, config, key: data.key as SweepKey, values: values as number[], ...(seeds === undefined ? {} : { seeds }) };
}

/** Runs one request, reporting progress through `post`; the reply to send at the end. */
export function handleRequest(request: ModelRequest, post: (reply: ModelReply) => void, now: () => number = () => Date.now()): ModelReply {
  const { id } = request;
  let last = -Infinity;
  const onProgress = (fraction: number) => {
    const time = now();
    if (time - last < PROGRESS_INTERVAL_MS) return;
    last = time;
    post({ type: 'progress', id, fraction });
  };
  try {
    const seeds = request.seeds ?? 1;
    if (request.type === 'run') return { type: 'result', id, kind: 'run', run: summarize(runSeeds(request.config, seeds, { onProgress, slices: SLICES })) };
    const points = sweep(request.config, request.key, request.values, seeds, { onProgress, slices: SLICES });
    const front = new Set(paretoFront(points));
    return {
      type: 'result',
      id,
      kind: 'sweep',
      key: request.key,
      points: points.map((point) => ({ value: point.value, mean: point.result.mean, standardError: point.result.standardError, onFront: front.has(point) })),
    };
  } catch (error) {
    return { type: 'error', id, message: error instanceof Error ? error.message : String(error) };
  }
}

function summarize(result: SeedsResult): RunSummary {
  const first = result.runs[0]!;
  return {
    seeds: result.seeds,
    mean: result.mean,
    standardError: result.standardError,
    latencyMs: result.latencyMs,
    lifespan: first.lifespan,
    series: first.series,
    horizonS: first.horizonS,
    wallSeconds: result.wallSeconds,
    requestsPerSecond: result.requestsPerSecond,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Only inside a worker: importing this file elsewhere (a unit test) must not start listening.
const workerScope = (globalThis as { WorkerGlobalScope?: typeof WorkerGlobalScope }).WorkerGlobalScope;
if (workerScope !== undefined && globalThis instanceof workerScope) {
  const worker = globalThis as unknown as DedicatedWorkerGlobalScope;
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const request = parseRequest(event.data);
    const post = (reply: ModelReply) => worker.postMessage(reply);
    post('error' in request ? { type: 'error', id: request.id, message: request.error } : handleRequest(request, post));
  });
}
