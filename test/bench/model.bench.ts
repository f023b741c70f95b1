/**
 * Model mode's speed and memory. The workload: Poisson arrivals λ = 50/s, exponential response times
 * (warm 1.991 s, cold 2.244 s), fixed keep-alive 600 s, max concurrency 1000, horizon 10^5 s (about 5 M requests).
 * The figure is the median of 5 runs in simulated requests per CPU-second of this process (goal: 3 M), which the
 * other work on a shared machine disturbs less than wall-clock time; the wall-clock rate and the load average
 * are printed beside it. Then the live heap after a full GC before, in the middle of and at the end of a run:
 * statistics are streamed, so it should stay flat over the horizon. Last, the whole `hello-serverless simulate`
 * command for about 10^5 requests (λ = 1/s over 10^5 s), process start included.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { runModel } from '../../playground/model/simulation.ts';
import type { ModelConfig } from '../../playground/model/model-config.ts';

const GOAL_PER_CPU_SECOND = 3_000_000;
const RUNS = 5;
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
const millions = (values: number[]): string => values.map((v) => (v / 1e6).toFixed(2)).join(', ');
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(', ');

const loadBefore = load();
const runs = Array.from({ length: RUNS }, (_, k) => {
  const cpuBefore = process.cpuUsage();
  const result = runModel({ ...config, seed: k + 1 });
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: result.requestsPerSecond, perCpuSecond: result.requests / ((cpu.user + cpu.system) / 1e6), requests: result.requests };
});
const perCpu = median(runs.map((r) => r.perCpuSecond));
console.log(`model mode: λ=50/s, keep-alive 600 s, max concurrency 1000, horizon 1e5 s (${runs[0]!.requests.toLocaleString('en')} requests per run), ${RUNS} runs`);
console.log(
  `  median ${(perCpu / 1e6).toFixed(2)} M simulated requests per CPU-second (goal 3 M: ratio ${(perCpu / GOAL_PER_CPU_SECOND).toFixed(2)}; runs: ${millions(runs.map((r) => r.perCpuSecond))})`,
);
console.log(`  median ${(median(runs.map((r) => r.perSecond)) / 1e6).toFixed(2)} M simulated requests per wall-clock second (runs: ${millions(runs.map((r) => r.perSecond))})`);
console.log(`  load average before the runs ${loadBefore}; after ${load()}`);

// A full collection before each reading, so the figure is what the run keeps alive, not garbage waiting for GC.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const readings = [`before ${liveMb().toFixed(1)} MB`];
runModel(config, {
  slices: 20,
  onProgress: (fraction) => {
    if (fraction === 0.05 || fraction === 0.5 || fraction === 1) readings.push(`${fraction * 100} % ${liveMb().toFixed(1)} MB`);
  },
});
console.log(`  live heap during a 1e5 s run, after a full GC: ${readings.join(', ')}`);

const bin = fileURLToPath(new URL('../../playground/cli/bin.js', import.meta.url));
const command = ['simulate', '--arrival-rate', '1', '--warm-mean', '1.991', '--cold-mean', '2.244', '--keep-alive', '600', '--max-concurrency', '1000', '--horizon', '100000', '--seed', '1', '--json'];
const cliTimes = Array.from({ length: 5 }, () => {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, ...command], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`simulate exited with ${run.status}: ${run.stderr}`);
  return { seconds: (performance.now() - started) / 1000, requests: (JSON.parse(run.stdout) as { requests: number }).requests };
});
console.log(
  `  hello-serverless simulate, ${cliTimes[0]!.requests.toLocaleString('en')} requests, whole process: median ${median(cliTimes.map((t) => t.seconds)).toFixed(2)} s (runs: ${cliTimes.map((t) => t.seconds.toFixed(2)).join(', ')}; load average ${load()})`,
);
