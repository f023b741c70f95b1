/**
 * Live-mode overhead against the floor worker_threads sets. Warm: one invocation round trip on an idle instance,
 * through the Platform + Node host (and through the host alone, to see where the time goes), against a bare
 * postMessage echo carrying the same payload. Cold: a request that starts a new instance through the Platform
 * (spawn + load + init + first result) against a bare `new Worker` + first echo.
 * Goals: warm <= 2x echo, cold <= 1.5x bare spawn. Medians after a warm-up.
 */
import { Worker } from 'node:worker_threads';
import { compileFiles } from '../../playground/compiler/node.ts';
import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec } from '../../playground/faas/instance-host.ts';
import { Platform } from '../../playground/faas/platform.ts';
import { RealClock } from '../../playground/faas/real-clock.ts';
import { NodeInstanceHost } from '../../playground/hosts/node/node-instance-host.ts';

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
  invoke(requestId: string): Promise<void>;
  stop(): Promise<void>;
}

function startInstance(): Promise<Instance> {
  return new Promise((ready, failed) => {
    let pending: (() => void) | undefined;
    let exited: (() => void) | undefined;
    const listener: InstanceListener = {
      onReady: () => ready(instance),
      onInitError: (error) => failed(new Error(error.errorMessage)),
      onLog: () => undefined,
      onResult: () => pending?.(),
      onExit: () => exited?.(),
    };
    const handle = host.start({ instanceId: 'bench', functionName: 'bench', dialect: 'scf', exportName: 'handler', bundle, files: {}, env: {}, memoryMb: 128, timeoutMs: 3000, startCause: 'request' }, listener);
    const instance: Instance = {
      handle,
      invoke: (requestId) => new Promise<void>((resolve) => {
        pending = resolve;
        handle.invoke({ requestId, event: EVENT, deadline: Date.now() + 3000 });
      }),
      stop: () => new Promise<void>((resolve) => {
        exited = resolve;
        handle.terminate('shutdown');
      }),
    };
  });
}

async function hostWarm(): Promise<number[]> {
  const instance = await startInstance();
  const times: number[] = [];
  for (let i = 0; i < WARM_ROUNDS * 1.25; i++) {
    const started = performance.now();
    await instance.invoke(`r${i}`);
    if (i >= WARM_ROUNDS / 4) times.push(performance.now() - started);
  }
  await instance.stop();
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

const us = (ms: number) => `${(ms * 1000).toFixed(1)} us`;
console.log(`warm round trip   bare echo ${us(echo)}   host alone ${us(hostOnly)}   platform + host ${us(warm)}   ratio ${(warm / echo).toFixed(2)}x (goal <= 2x)`);
console.log(`cold start        bare spawn ${spawn.toFixed(2)} ms   host alone ${hostOnlyCold.toFixed(2)} ms   platform + host ${cold.toFixed(2)} ms   ratio ${(cold / spawn).toFixed(2)}x (goal <= 1.5x)`);
console.log(`(${WARM_ROUNDS} warm rounds, ${COLD_ROUNDS} cold rounds, medians; Node ${process.version})`);
