import { initMessage, invokeMessage } from '../host-messages.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../../faas/clock.ts';
import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeRequest, StartPhases } from '../../faas/instance-host.ts';
import { parseInstanceMessage } from '../../faas/protocol.ts';
import type { ErrorInfo, HostMessage, InstanceMessage } from '../../faas/protocol.ts';
import type { CpuProfile, CpuProfileRequest } from './cpu-profile.ts';
import { inspectorChannel } from './inspector.ts';
import type { InspectorOptions } from './inspector.ts';
import type { InstanceWorkerData } from './instance-worker.ts';
import { endFiguresBuffer, readEndFigures } from './end-figures.ts';
import { InstanceSampler } from './instance-sampler.ts';
import { ServiceCalls } from '../service-calls.ts';
import { instanceWorkerSource } from './worker-source.ts';

export interface NodeInstanceHostOptions {
  /** A real directory holding the function's files; without it `spec.files` are written to a fresh directory. */
  functionRoot?: string;
  /** The scheduler's clock, to turn its deadlines into epoch times; without it deadlines are taken as epoch times. */
  clock?: Clock;
  region?: string;
  /**
   * Milliseconds between runtime-metrics samples while an instance runs code (default 100); each tick also
   * checks memory against the instance's setting. 0 reports no samples (the memory check still ticks at 100 ms).
   */
  metricsIntervalMs?: number;
  /** Profile chosen invocations with V8's CPU profiler inside the instance's worker thread. */
  profile?: CpuProfileRequest;
  /** Each instance opens the Node inspector (debug one instance at a time: two cannot share a fixed port). */
  inspector?: InspectorOptions;
  /**
   * Folders searched for packages after the function's own node_modules: the NODE_PATH the platform sets for the
   * function's layers (/opt/nodejs/node_modules and its kin), as their folders on this disk.
   */
  modulePath?: string[];
}

export const DEFAULT_SAMPLE_MS = 100;

const MB = 1024 * 1024;
const STREAM_LOG_CAP = 256 * 1024;

/**
 * Instances as worker_threads Workers, one per instance. The V8 heap limit comes from the memory size; the
 * instance's sampler reads the isolate's heap plus off-heap memory, which catches Buffer/ArrayBuffer leaks the
 * heap limit does not see, and reports runtime metrics. Every message from the worker is validated; a malformed
 * one ends the instance.
 */
export class NodeInstanceHost implements InstanceHost {
  readonly #options: NodeInstanceHostOptions;

  constructor(options: NodeInstanceHostOptions = {}) {
    this.#options = options;
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    return new NodeInstance(spec, listener, this.#options);
  }
}

class NodeInstance implements InstanceHandle {
  readonly #spec: InstanceSpec;
  readonly #listener: InstanceListener;
  readonly #options: NodeInstanceHostOptions;
  readonly #worker: Worker;
  readonly #scratch: string;
  readonly #spawnedAt = performance.now();
  #onlineAt = 0;
  #ready = false;
  #exited = false;
  #exitReason: ExitReason | undefined;
  #exitError: ErrorInfo | undefined;
  #current: string | null = null;
  readonly #sampler: InstanceSampler;
  /** Present when samples are reported: the worker leaves each invocation's end figures here. */
  readonly #endFigures: SharedArrayBuffer | undefined;
  #answered = false;
  #profiling: { requestId: string; stop: () => Promise<string> } | undefined;
  #streamOwner: string | null = null;
  #streamChars = 0;
  readonly #services: ServiceCalls;

  constructor(spec: InstanceSpec, listener: InstanceListener, options: NodeInstanceHostOptions) {
    this.#spec = spec;
    this.#listener = listener;
    this.#options = options;
    this.#services = new ServiceCalls(listener, (answer) => {
      if (!this.#exitReason) this.#send(answer);
    });
    this.#scratch = mkdtempSync(join(tmpdir(), `hello-serverless-${safeName(spec.instanceId)}-`));
    const tmpDir = join(this.#scratch, 'tmp');
    mkdirSync(tmpDir);
    const functionRoot = options.functionRoot ?? this.#writeFiles(spec.files);
    const inspector = options.inspector ? inspectorChannel(options.inspector) : undefined;
    this.#endFigures = (options.metricsIntervalMs ?? DEFAULT_SAMPLE_MS) > 0 && listener.onMetrics ? endFiguresBuffer() : undefined;
    const workerData: InstanceWorkerData = { functionRoot, tmpDir, ...(inspector ? { inspector: inspector.data } : {}), ...(this.#endFigures ? { endFigures: this.#endFigures } : {}) };
    this.#worker = new Worker(instanceWorkerSource(), {
      eval: true,
      workerData,
      ...(inspector ? { transferList: inspector.transfer } : {}),
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'en_US.UTF-8', ...(options.modulePath?.length ? { NODE_PATH: options.modulePath.join(delimiter) } : {}) },
      execArgv: [],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(16, spec.memoryMb) },
    });
    this.#worker.on('online', () => {
      this.#onlineAt = performance.now();
      if (!this.#exitReason) this.#listener.onInitializing?.();
    });
    this.#worker.on('message', (data: unknown) => this.#receive(data));
    this.#worker.on('error', (error: Error & { code?: string }) => this.#onWorkerError(error));
    this.#worker.on('exit', (code) => {
      inspector?.close();
      this.#onWorkerExit(code);
    });
    this.#worker.stdout.on('data', (chunk: Buffer) => this.#streamLog('info', chunk));
    this.#worker.stderr.on('data', (chunk: Buffer) => this.#streamLog('error', chunk));
    this.#sampler = this.#startSampler();
    this.#send(initMessage(spec));
    this.#sampler.running(true);
  }

  invoke(request: InvokeRequest): void {
    if (this.#exited || this.#exitReason) return;
    this.#current = request.requestId;
    this.#sampler.running(true);
    if (this.#options.profile?.wants(request.requestId, this.#spec.instanceId, this.#answered)) void this.#sendProfiled(request);
    else this.#sendInvoke(request);
  }

  #sendInvoke(request: InvokeRequest): void {
    this.#send(invokeMessage(this.#spec, request, this.#options.region, this.#options.clock));
  }

  terminate(reason: ExitReason): void {
    this.#end(reason);
  }

  #send(message: HostMessage): void {
    this.#worker.postMessage(message);
  }

  #receive(data: unknown): void {
    if (this.#exitReason) return;
    const parsed = parseInstanceMessage(data);
    if (!parsed.ok) return this.#end('protocol-error', { errorType: 'Runtime.ProtocolError', errorMessage: `The instance sent a malformed message: ${parsed.problem}` });
    this.#handle(parsed.message);
  }

  #handle(message: InstanceMessage): void {
    switch (message.type) {
      case 'ready':
        this.#ready = true;
        this.#sampler.running(false);
        this.#listener.onReady(this.#phases(message.initMs));
        return;
      case 'initError':
        this.#listener.onInitError(message.error, this.#phases(0));
        this.#end('init-error', message.error);
        return;
      case 'log':
        this.#listener.onLog(message.requestId, message.level, message.message, message.time);
        return;
      case 'result': {
        if (message.requestId !== this.#current) {
          this.#end('protocol-error', { errorType: 'Runtime.ProtocolError', errorMessage: `result for ${message.requestId}, which is not in flight` });
          return;
        }
        // Over its memory at the end, the instance is killed and the request fails with it, as on Lambda.
        this.#sampler.invocationEnded(message.requestId, this.#endFigures && readEndFigures(this.#endFigures));
        if (this.#exitReason) return;
        this.#current = null;
        this.#answered = true;
        if (this.#profiling?.requestId === message.requestId) this.#finishProfile(() => this.#deliverResult(message));
        else this.#deliverResult(message);
        return;
      }
      case 'call': {
        const refused = this.#services.take(message);
        if (refused) this.#end('protocol-error', { errorType: 'Runtime.ProtocolError', errorMessage: `The instance broke the protocol: ${refused}` });
        return;
      }
      case 'fatal':
        if (!this.#ready) this.#listener.onInitError(message.error, this.#phases(0));
        this.#end(this.#ready ? 'crash' : 'init-error', message.error);
        return;
    }
  }

  #deliverResult(message: Extract<InstanceMessage, { type: 'result' }>): void {
    const usage = { ...message.usage, maxMemoryMb: Math.max(message.usage.maxMemoryMb ?? 0, round(this.#sampler.peakBytes / MB)) };
    const result = message.ok ? { ok: true as const, value: message.value } : { ok: false as const, error: message.error };
    this.#listener.onResult({ requestId: message.requestId, durationMs: message.durationMs, usage, result });
  }

  #startSampler(): InstanceSampler {
    const interval = this.#options.metricsIntervalMs ?? DEFAULT_SAMPLE_MS;
    const clock = this.#options.clock;
    return new InstanceSampler(this.#worker, {
      intervalMs: interval > 0 ? interval : DEFAULT_SAMPLE_MS,
      report: this.#endFigures !== undefined,
      limitBytes: this.#spec.memoryMb * MB,
      now: clock ? () => clock.now() : () => Date.now(),
      onSample: (sample) => {
        if (!this.#exitReason) this.#listener.onMetrics?.(sample);
      },
      onOverLimit: () => this.#end('out-of-memory', this.#outOfMemory()),
    });
  }

  /**
   * Starts V8's profiler on the worker's thread, then sends the request, so the profile covers the handler call
   * (and the message hand-over either side of it, a few microseconds) and nothing before it.
   */
  async #sendProfiled(request: InvokeRequest): Promise<void> {
    const profile = this.#options.profile;
    try {
      const handle = await this.#worker.startCpuProfile(`request-${request.requestId}`);
      this.#profiling = { requestId: request.requestId, stop: () => handle.stop() };
    } catch (error) {
      profile?.onProfile({ requestId: request.requestId, instanceId: this.#spec.instanceId, problem: `the profiler did not start: ${(error as Error).message}` });
    }
    if (!this.#exitReason) this.#sendInvoke(request);
  }

  #finishProfile(then: () => void): void {
    const profiling = this.#profiling;
    const profile = this.#options.profile;
    if (!profiling || !profile) return then();
    this.#profiling = undefined;
    const report = { requestId: profiling.requestId, instanceId: this.#spec.instanceId };
    profiling.stop().then(
      (json) => profile.onProfile({ ...report, profile: JSON.parse(json) as CpuProfile }),
      (error: unknown) => profile.onProfile({ ...report, problem: `the profiler did not stop: ${(error as Error).message}` }),
    ).finally(() => {
      if (!this.#exitReason) then();
    });
  }

  #phases(initMs: number): StartPhases {
    const now = performance.now();
    const online = this.#onlineAt || now;
    return { spawnMs: online - this.#spawnedAt, loadMs: Math.max(0, now - online - initMs), initMs };
  }

  /**
   * Raw writes to process.stdout/stderr (and console methods the runtime does not wrap, such as console.table)
   * bypass the runtime's log cap, so they get one here, per request.
   */
  #streamLog(level: 'info' | 'error', chunk: Buffer): void {
    if (this.#exited) return;
    if (this.#streamOwner !== this.#current) {
      this.#streamOwner = this.#current;
      this.#streamChars = 0;
    }
    if (this.#streamChars > STREAM_LOG_CAP) return;
    const text = chunk.toString('utf8').replace(/\n$/, '');
    this.#streamChars += text.length;
    if (this.#streamChars > STREAM_LOG_CAP) {
      this.#listener.onLog(this.#current, 'warn', `[hello-serverless] output written to process.stdout/stderr passed ${STREAM_LOG_CAP} characters; the rest is dropped`, Date.now());
      return;
    }
    if (text !== '') this.#listener.onLog(this.#current, level, text, Date.now());
  }

  #outOfMemory(): ErrorInfo {
    return { errorType: 'Runtime.OutOfMemory', errorMessage: `${this.#requestPrefix()}Error: Runtime exited with error: signal: killed (memory limit ${this.#spec.memoryMb} MB reached)` };
  }

  #onWorkerError(error: Error & { code?: string }): void {
    if (this.#exitReason) return;
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.#exitReason = 'out-of-memory';
      this.#exitError = this.#outOfMemory();
    } else {
      this.#exitReason = 'crash';
      this.#exitError = { errorType: error.name || 'Error', errorMessage: error.message };
    }
  }

  #onWorkerExit(code: number): void {
    if (!this.#exitReason) {
      const error = { errorType: 'Runtime.ExitError', errorMessage: `${this.#requestPrefix()}Error: Runtime exited with error: exit status ${code}` };
      // Exiting during init (process.exit at the top level) is an init failure, as the fatal path reports it.
      if (!this.#ready) this.#listener.onInitError(error, this.#phases(0));
      this.#exitReason = this.#ready ? 'crash' : 'init-error';
      this.#exitError = error;
    }
    this.#finish();
  }

  #requestPrefix(): string {
    return this.#current ? `RequestId: ${this.#current} ` : '';
  }

  #end(reason: ExitReason, error?: ErrorInfo): void {
    if (this.#exitReason) return;
    this.#exitReason = reason;
    this.#exitError = error;
    this.#sampler.stop();
    void this.#worker.terminate();
  }

  #finish(): void {
    if (this.#exited) return;
    this.#exited = true;
    this.#sampler.stop();
    rmSync(this.#scratch, { recursive: true, force: true });
    const reason = this.#exitReason ?? 'crash';
    if (this.#exitError) this.#listener.onExit(reason, this.#exitError);
    else this.#listener.onExit(reason);
  }

  #writeFiles(files: Record<string, string>): string {
    const root = join(this.#scratch, 'function');
    mkdirSync(root);
    for (const [path, text] of Object.entries(files)) {
      const target = join(root, path);
      if (!target.startsWith(root + '/')) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    return root;
  }
}

function safeName(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '').slice(0, 24) || 'instance';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
