import { initMessage, invokeMessage } from '../host-messages.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../../faas/clock.ts';
import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeRequest, StartPhases } from '../../faas/instance-host.ts';
import { parseInstanceMessage } from '../../faas/protocol.ts';
import type { ErrorInfo, HostMessage, InstanceMessage } from '../../faas/protocol.ts';
import type { InstanceWorkerData } from './instance-worker.ts';
import { instanceWorkerSource } from './worker-source.ts';

export interface NodeInstanceHostOptions {
  /** A real directory holding the function's files; without it `spec.files` are written to a fresh directory. */
  functionRoot?: string;
  /** The scheduler's clock, to turn its deadlines into epoch times; without it deadlines are taken as epoch times. */
  clock?: Clock;
  region?: string;
  /** How often the isolate's memory is checked while it runs code. */
  memoryPollMs?: number;
}

const MB = 1024 * 1024;
const STREAM_LOG_CAP = 256 * 1024;

/**
 * Instances as worker_threads Workers, one per instance. The V8 heap limit comes from the memory size; a poll of
 * the isolate's heap plus off-heap memory catches Buffer/ArrayBuffer leaks the heap limit does not see. Every
 * message from the worker is validated; a malformed one ends the instance.
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
  #peakMemoryMb = 0;
  #poll: ReturnType<typeof setInterval> | undefined;
  #busy = false;
  #streamOwner: string | null = null;
  #streamChars = 0;

  constructor(spec: InstanceSpec, listener: InstanceListener, options: NodeInstanceHostOptions) {
    this.#spec = spec;
    this.#listener = listener;
    this.#options = options;
    this.#scratch = mkdtempSync(join(tmpdir(), `hello-serverless-${safeName(spec.instanceId)}-`));
    const tmpDir = join(this.#scratch, 'tmp');
    mkdirSync(tmpDir);
    const functionRoot = options.functionRoot ?? this.#writeFiles(spec.files);
    const workerData: InstanceWorkerData = { functionRoot, tmpDir };
    this.#worker = new Worker(instanceWorkerSource(), {
      eval: true,
      workerData,
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'en_US.UTF-8' },
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
    this.#worker.on('exit', (code) => this.#onWorkerExit(code));
    this.#worker.stdout.on('data', (chunk: Buffer) => this.#streamLog('info', chunk));
    this.#worker.stderr.on('data', (chunk: Buffer) => this.#streamLog('error', chunk));
    this.#send(initMessage(spec));
    this.#watchMemory(true);
  }

  invoke(request: InvokeRequest): void {
    if (this.#exited || this.#exitReason) return;
    this.#current = request.requestId;
    this.#watchMemory(true);
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
        this.#watchMemory(false);
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
        this.#current = null;
        this.#watchMemory(false);
        const usage = { ...message.usage, maxMemoryMb: Math.max(message.usage.maxMemoryMb ?? 0, round(this.#peakMemoryMb)) };
        const result = message.ok ? { ok: true as const, value: message.value } : { ok: false as const, error: message.error };
        this.#listener.onResult({ requestId: message.requestId, durationMs: message.durationMs, usage, result });
        return;
      }
      case 'fatal':
        if (!this.#ready) this.#listener.onInitError(message.error, this.#phases(0));
        this.#end(this.#ready ? 'crash' : 'init-error', message.error);
        return;
    }
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

  /**
   * Polls the isolate's memory while it runs code; an idle instance cannot grow. The timer outlives a single
   * invocation and stops itself after a tick with nothing running, so back-to-back invocations share it.
   */
  #watchMemory(active: boolean): void {
    this.#busy = active;
    if (!active || this.#poll || this.#exitReason) return;
    const limit = this.#spec.memoryMb;
    this.#poll = setInterval(() => {
      if (!this.#busy) {
        clearInterval(this.#poll);
        this.#poll = undefined;
        return;
      }
      this.#worker.getHeapStatistics().then((stats) => {
        const used = (stats.used_heap_size + stats.external_memory) / MB;
        this.#peakMemoryMb = Math.max(this.#peakMemoryMb, used);
        if (used > limit) this.#end('out-of-memory', this.#outOfMemory());
      }, () => undefined);
    }, this.#options.memoryPollMs ?? 20);
    this.#poll.unref();
  }

  #outOfMemory(): ErrorInfo {
    return { errorType: 'Runtime.OutOfMemory', errorMessage: `${this.#requestPrefix()}Error: Runtime exited with error: signal: killed (memory limit ${this.#spec.memoryMb} MB reached)` };
  }

  #onWorkerError(error: Error & { code?: string }): void {
    if (this.#exitReason) return;
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.#exitReason = 'out-of-memory';
      this.#exitError = this.#outOfMemory();
      this.#peakMemoryMb = this.#spec.memoryMb;
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
    this.#busy = false;
    clearInterval(this.#poll);
    this.#poll = undefined;
    void this.#worker.terminate();
  }

  #finish(): void {
    if (this.#exited) return;
    this.#exited = true;
    clearInterval(this.#poll);
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
