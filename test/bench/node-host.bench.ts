/**
 * Live-mode overhead against the floor worker_threads sets. Warm: one invocation round trip on an idle instance,
 * through the Platform + Node host (and through the host alone, to see where the time goes), against a bare
 * postMessage echo carrying the same payload. Cold: a request that starts a new instance through the Platform
 * (spawn + load + init + first result) against a bare `new Worker` + first echo.
 * Goals: warm <= 2x echo, cold <= 1.5x bare spawn. Medians after a warm-up.
 * Monitoring: the same warm round trip through the host with runtime metrics on (100 ms samples plus one at the end
 * of every invocation, a listener taking them) against off (goal <= 10 % more); and the CPU profiler's cost on a
 * CPU-bound handler (the handler's own duration, profiled against not).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { compileFiles } from '../../playground/compiler/node.ts';
import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec } from '../../playground/faas/instance-host.ts';
import { Platform } from '../../playground/faas/platform.ts';
import { RealClock } from '../../playground/faas/real-clock.ts';
import { NodeInstanceHost } from '../../playground/hosts/node/node-instance-host.ts';
import type { NodeInstanceHostOptions } from '../../playground/hosts/node/node-instance-host.ts';

const WARM_ROUNDS = Number(process.env.WARM_ROUNDS ?? 2000);
const COLD_ROUNDS = Number(process.env.COLD_ROUNDS ?? 25);
const EVENT = { path: '/hello', httpMethod: 'GET', queryString: { name: 'Ada' }, headers: { accept: 'application/json' }, body: '' };
const ECHO_SOURCE = "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage({ type: 'result', requestId: m.requestId, ok: true, value: m.event, durationMs: 0, usage: {} }));";

const compiled = await compileFiles({ entry: 'index.js', files: { 'index.js': 'exports.handler = async (event) => event;' } });
if (!compiled.ok) throw new Error('bench handler does not compile');
const bundle = compiled.bundle;
const host = new NodeInstanceHost();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function invokeMessage(requestId: string) {
  return { v: 1, type: 'invoke', requestId, event: EVENT, context: { requestId, functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: 128, timeLimitInMs: 3000, namespace: 'default', region: 'ap-guangzhou' }, deadline: Date.now() + 3000 };
}

async function bareWarm(): Promise<number[]> {
  const worker = new Worker(ECHO_SOURCE, { eval: true });
  const times: number[] = [];
  for (let i = 0; i < WARM_ROUNDS * 1.25; i++) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage(invokeMessage(`r${i}`));
    });
    if (i >= WARM_ROUNDS / 4) times.push(performance.now() - started);
  }
  await worker.terminate();
  return times;
}

async function bareCold(): Promise<number> {
  const started = performance.now();
  const worker = new Worker(ECHO_SOURCE, { eval: true });
  await new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.postMessage(invokeMessage('first'));
  });
  const elapsed = performance.now() - started;
  await worker.terminate();
  return elapsed;
}

interface Instance {
  handle: InstanceHandle;
  /** Resolves with the handler's duration as the instance measured it. */
  invoke(requestId: string, event?: unknown): Promise<number>;
  stop(): Promise<void>;
}

function startInstance(on: InstanceHost = host, code = bundle, metrics?: () => void): Promise<Instance> {
  return new Promise((ready, failed) => {
    let pending: ((durationMs: number) => void) | undefined;
    let exited: (() => void) | undefined;
    const listener: InstanceListener = {
      onReady: () => ready(instance),
      onInitError: (error) => failed(new Error(error.errorMessage)),
      onLog: () => undefined,
      onResult: (outcome) => pending?.(outcome.durationMs),
      onExit: () => exited?.(),
      ...(metrics ? { onMetrics: metrics } : {}),
    };
    const handle = on.start({ instanceId: 'bench', functionName: 'bench', dialect: 'scf', exportName: 'handler', bundle: code, files: {}, env: {}, memoryMb: 128, timeoutMs: 3000, startCause: 'request' }, listener);
    const instance: Instance = {
      handle,
      invoke: (requestId, event = EVENT) => new Promise<number>((resolve) => {
        pending = resolve;
        handle.invoke({ requestId, event, deadline: Date.now() + 3000 });
      }),
      stop: () => new Promise<void>((resolve) => {
        exited = resolve;
        handle.terminate('shutdown');
      }),
    };
  });
}

async function hostWarm(): Promise<number[]> {
  const instance = await startInstance(host, bundle);
  const times: number[] = [];
  for (let i = 0; i < WARM_ROUNDS * 1.25; i++) {
    const started = performance.now();
    await instance.invoke(`r${i}`);
    if (i >= WARM_ROUNDS / 4) times.push(performance.now() - started);
  }
  await instance.stop();
  return times;
}

interface Sides {
  off: number[];
  on: number[];
}

/**
 * Two instances, metrics off and on, invoked in turn, so drift on a shared machine falls on both alike. Besides
 * the round trip's wall time, the host thread's CPU time during each round trip (process.threadCpuUsage), which a
 * busy machine's scheduling does not inflate: every extra step monitoring takes on the host side shows there.
 */
async function interleavedWarm(offHost: InstanceHost, onHost: InstanceHost, metrics: () => void): Promise<{ wall: Sides; hostCpu: Sides }> {
  const off = await startInstance(offHost, bundle);
  const on = await startInstance(onHost, bundle, metrics);
  const times = { wall: { off: [], on: [] } as Sides, hostCpu: { off: [], on: [] } as Sides };
  for (let i = 0; i < WARM_ROUNDS * 1.25; i++) {
    for (const [name, instance] of [['off', off], ['on', on]] as const) {
      const cpu = process.threadCpuUsage();
      const started = performance.now();
      await instance.invoke(`${name}${i}`);
      const wall = performance.now() - started;
      const used = process.threadCpuUsage(cpu);
      if (i < WARM_ROUNDS / 4) continue;
      times.wall[name].push(wall);
      times.hostCpu[name].push((used.user + used.system) / 1000);
    }
  }
  await off.stop();
  await on.stop();
  return times;
}

async function hostCold(): Promise<number> {
  const started = performance.now();
  const instance = await startInstance();
  await instance.invoke('first');
  const elapsed = performance.now() - started;
  await instance.stop();
  return elapsed;
}

/** Counts live workers, so a cold round can wait until the previous instance's worker has really exited. */
class CountingHost implements InstanceHost {
  live = 0;
  readonly #inner: InstanceHost;

  constructor(inner: InstanceHost) {
    this.#inner = inner;
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    this.live += 1;
    return this.#inner.start(spec, {
      onInitializing: () => listener.onInitializing?.(),
      onReady: (phases) => listener.onReady(phases),
      onInitError: (error, phases) => listener.onInitError(error, phases),
      onLog: (requestId, level, message, time) => listener.onLog(requestId, level, message, time),
      onResult: (outcome) => listener.onResult(outcome),
      onExit: (reason, error) => {
        this.live -= 1;
        listener.onExit(reason, error);
      },
    });
  }
}

async function allExited(host: CountingHost): Promise<void> {
  while (host.live > 0) await new Promise((resolve) => setTimeout(resolve, 1));
}

const cpuBound = await compileFiles({ entry: 'index.ts', files: { 'index.ts': readFileSync(new URL('../fixtures/cpu-bound/index.ts', import.meta.url), 'utf8') } });
if (!cpuBound.ok) throw new Error('the cpu-bound fixture does not compile');
const PROFILE_ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 15);

/** The CPU-bound handler's duration, every other round profiled (interleaved, so machine noise hits both alike). */
async function profilerCost(): Promise<{ plain: number[]; profiled: number[] }> {
  let profileNext = false;
  const profiling: NodeInstanceHostOptions['profile'] = { wants: () => profileNext, onProfile: () => undefined };
  const instance = await startInstance(new NodeInstanceHost(profiling ? { profile: profiling } : {}), cpuBound.ok ? cpuBound.bundle : '');
  const plain: number[] = [];
  const profiled: number[] = [];
  for (let i = 0; i < PROFILE_ROUNDS * 2 + 4; i++) {
    profileNext = i % 2 === 1;
    const durationMs = await instance.invoke(`p${i}`, { limit: 200_000 });
    if (i >= 4) (profileNext ? profiled : plain).push(durationMs);
  }
  await instance.stop();
  return { plain, profiled };
}

const clock = new RealClock();
const countingHost = new CountingHost(new NodeInstanceHost({ clock }));
const platform = new Platform({ clock, host: countingHost, keepLogs: false });
const functionConfig = (name: string) => ({ name, dialect: 'scf' as const, exportName: 'handler', bundle, memoryMb: 128, timeoutS: 3 });

async function platformWarm(): Promise<number[]> {
  platform.deploy(functionConfig('warm'));
  await platform.invoke('warm', EVENT);
  const times: number[] = [];
  for (let i = 0; i < WARM_ROUNDS * 1.25; i++) {
    const started = performance.now();
    const record = await platform.invoke('warm', EVENT);
    if (record.startKind !== 'warm') throw new Error(`expected a warm start, got ${record.startKind}`);
    if (i >= WARM_ROUNDS / 4) times.push(performance.now() - started);
  }
  platform.remove('warm');
  await allExited(countingHost);
  return times;
}

let coldSeq = 0;
async function platformCold(): Promise<number> {
  const name = `cold-${coldSeq++}`;
  platform.deploy(functionConfig(name));
  const started = performance.now();
  const record = await platform.invoke(name, EVENT);
  const elapsed = performance.now() - started;
  if (record.startKind !== 'cold' || record.status !== 'ok') throw new Error(`expected an ok cold start, got ${record.startKind} ${record.status}`);
  platform.remove(name);
  await allExited(countingHost);
  return elapsed;
}

async function repeat(times: number, run: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await run());
  return out;
}

// Warm-up: JIT, the one-time worker bundle, esbuild's service.
await repeat(3, bareCold);
await repeat(3, hostCold);
await repeat(3, platformCold);

const echo = median(await bareWarm());
const hostOnly = median(await hostWarm());
const warm = median(await platformWarm());
const spawn = median(await repeat(COLD_ROUNDS, bareCold));
const hostOnlyCold = median(await repeat(COLD_ROUNDS, hostCold));
const cold = median(await repeat(COLD_ROUNDS, platformCold));
platform.shutdown();
let samples = 0;
const monitoring = await interleavedWarm(new NodeInstanceHost({ metricsIntervalMs: 0 }), new NodeInstanceHost({ metricsIntervalMs: 100 }), () => samples++);
const metricsOff = median(monitoring.wall.off);
const metricsOn = median(monitoring.wall.on);
const hostCpuOff = median(monitoring.hostCpu.off);
const hostCpuOn = median(monitoring.hostCpu.on);
const { plain, profiled } = await profilerCost();

const us = (ms: number) => `${(ms * 1000).toFixed(1)} us`;
console.log(`warm round trip   bare echo ${us(echo)}   host alone ${us(hostOnly)}   platform + host ${us(warm)}   ratio ${(warm / echo).toFixed(2)}x (goal <= 2x)`);
console.log(`cold start        bare spawn ${spawn.toFixed(2)} ms   host alone ${hostOnlyCold.toFixed(2)} ms   platform + host ${cold.toFixed(2)} ms   ratio ${(cold / spawn).toFixed(2)}x (goal <= 1.5x)`);
console.log(`monitoring        warm round trip, metrics off ${us(metricsOff)}   on ${us(metricsOn)} (${samples} samples)   overhead ${(((metricsOn / metricsOff) - 1) * 100).toFixed(1)} % (goal <= 10 %)`);
console.log(`                  host thread CPU per round trip, off ${us(hostCpuOff)}   on ${us(hostCpuOn)}   overhead ${(((hostCpuOn / hostCpuOff) - 1) * 100).toFixed(1)} %`);
console.log(`profiler          CPU-bound handler ${median(plain).toFixed(2)} ms   profiled ${median(profiled).toFixed(2)} ms   overhead ${(((median(profiled) / median(plain)) - 1) * 100).toFixed(1)} % (${PROFILE_ROUNDS} rounds each)`);
console.log(`(${WARM_ROUNDS} warm rounds, ${COLD_ROUNDS} cold rounds, medians; Node ${process.version})`);
