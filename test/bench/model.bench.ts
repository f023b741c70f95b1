/**
 * Model mode's speed and memory. The workload: Poisson arrivals λ = 50/s, exponential response times
 * (warm 1.991 s, cold 2.244 s), fixed keep-alive 600 s, max concurrency 1000, horizon 10^5 s (about 5 M requests).
 * Prints the median of 5 runs in simulated requests per wall-clock second (goal: 2 M) and per CPU-second of this
 * process (steadier on a shared machine), then the live heap after a full GC at each progress report for horizons
 * 10^4 and 10^5 s: statistics are streamed, so it should not grow with the horizon. Last, the whole
 * `hello-serverless simulate` command for about 10^5 requests (λ = 1/s over 10^5 s), process start included.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { runModel } from '../../playground/model/simulation.ts';
import type { ModelConfig } from '../../playground/model/model-config.ts';

const TARGET = 2_000_000;
const config: ModelConfig = {
  arrival: { kind: 'poisson', ratePerS: 50 },
  warm: { kind: 'exponential', mean: 1.991 },
  cold: { kind: 'exponential', mean: 2.244 },
  policy: 'fixed',
  keepAliveS: 600,
  maxConcurrency: 1000,
  horizonS: 1e5,
  seed: 1,
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const runs = Array.from({ length: 5 }, (_, k) => {
  const cpuBefore = process.cpuUsage();
  const result = runModel({ ...config, seed: k + 1 });
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: result.requestsPerSecond, perCpuSecond: result.requests / ((cpu.user + cpu.system) / 1e6), requests: result.requests };
});
const wall = median(runs.map((r) => r.perSecond));
console.log(`model mode: λ=50/s, keep-alive 600 s, max concurrency 1000, horizon 1e5 s (${runs[0]!.requests.toLocaleString('en')} requests per run)`);
console.log(`  median ${(wall / 1e6).toFixed(2)} M simulated requests/s (runs: ${runs.map((r) => (r.perSecond / 1e6).toFixed(2)).join(', ')})`);
console.log(`  median ${(median(runs.map((r) => r.perCpuSecond)) / 1e6).toFixed(2)} M simulated requests per CPU-second of this process`);
console.log(`  ratio to the 2 M requests/s goal: ${(wall / TARGET).toFixed(2)}`);

// A full collection before each reading, so the figure is what the run keeps alive, not garbage waiting for GC.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function peakLiveHeapMb(horizonS: number): number {
  let peak = 0;
  runModel(
    { ...config, horizonS },
    {
      slices: 20,
      onProgress: () => {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    },
  );
  return peak / 2 ** 20;
}
gc();
const baseline = process.memoryUsage().heapUsed / 2 ** 20;
const short = peakLiveHeapMb(1e4);
const long = peakLiveHeapMb(1e5);
console.log(`  live heap during a run (after GC, baseline ${baseline.toFixed(1)} MB): horizon 1e4 s ${short.toFixed(1)} MB, 1e5 s ${long.toFixed(1)} MB (ratio ${(long / short).toFixed(2)})`);

const bin = fileURLToPath(new URL('../../playground/cli/bin.js', import.meta.url));
const command = ['simulate', '--arrival-rate', '1', '--warm-mean', '1.991', '--cold-mean', '2.244', '--keep-alive', '600', '--max-concurrency', '1000', '--horizon', '100000', '--seed', '1', '--json'];
const cliTimes = Array.from({ length: 5 }, () => {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, ...command], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`simulate exited with ${run.status}: ${run.stderr}`);
  return { seconds: (performance.now() - started) / 1000, requests: (JSON.parse(run.stdout) as { requests: number }).requests };
});
console.log(
  `  hello-serverless simulate, ${cliTimes[0]!.requests.toLocaleString('en')} requests, whole process: median ${median(cliTimes.map((t) => t.seconds)).toFixed(2)} s (runs: ${cliTimes.map((t) => t.seconds.toFixed(2)).join(', ')})`,
);
