import { initMessage, invokeMessage } from '../host-messages.ts';
import type { Clock } from '../../faas/clock.ts';
import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeRequest, StartPhases } from '../../faas/instance-host.ts';
import { parseInstanceMessage } from '../../faas/protocol.ts';
import type { ErrorInfo, HostMessage, InstanceMessage } from '../../faas/protocol.ts';
import { LOG_MESSAGE_CAP, parseOnline } from './frame-protocol.ts';
import type { FrameToPage } from './frame-protocol.ts';
import { isOverLimit, memorySample, overLimitError, processEndedError } from './instance-memory.ts';
import type { MemoryReading } from './instance-memory.ts';
import type { FrameSource, InstanceFrame } from './instance-frame.ts';
import { sharedFrameSource } from './shared-frame.ts';
import { ServiceCalls } from '../service-calls.ts';

export interface BrowserInstanceHostOptions {
  /** The scheduler's clock, to turn its deadlines into epoch times; without it deadlines are taken as epoch times. */
  clock?: Clock;
  region?: string;
  /** Where the hidden sandbox frame is attached if this host opens it; the document's body by default. */
  container?: HTMLElement;
  /** Where instances run: the page's shared frame of Web Workers by default. */
  frames?: FrameSource;
}

/** Instance keys, unique across the hosts that share the page's frame. */
let nextKey = 0;

/**
 * Instances as Web Workers inside a sandboxed, opaque-origin iframe (one per page, shared by its hosts), so user
 * code runs neither on the page's thread nor with the site's origin. A cold start is: the frame creates a worker
 * from a blob of the bundled runtime (spawn), the runtime receives the bundle (load) and runs its top level (init).
 * A warm invoke is one message on the instance's own MessagePort. `terminate` ends the worker at once.
 *
 * Memory: the frame measures its workers with `performance.measureUserAgentSpecificMemory()` (only where the page
 * is cross-origin isolated) and each instance reports the figures as MetricSamples about every 20 s; an instance
 * measured over its memory setting ends with the out-of-memory error. Chromium leaves a worker busy in a
 * synchronous loop out of its answer, and a fast leak can kill the frame's renderer process before a figure
 * arrives: the frame then stops answering pings, every instance in it ends with an out-of-memory error that says
 * so, and the host opens a new frame for the next request. CPU time is not measured: Chromium gives no per-worker
 * CPU figure.
 */
export class BrowserInstanceHost implements InstanceHost {
  readonly #options: BrowserInstanceHostOptions;
  readonly #instances = new Map<string, BrowserInstance>();
  #frame: Promise<InstanceFrame>;
  /** A new frame could not be opened after a death; the next start tries again. */
  #frameFailed = false;
  #stopWatching: () => void = () => undefined;
  #memoryUnmeasured: string | undefined;
  #disposed = false;

  get #frames(): FrameSource {
    return this.#options.frames ?? sharedFrameSource;
  }

  private constructor(frame: InstanceFrame, options: BrowserInstanceHostOptions) {
    this.#options = options;
    this.#frame = Promise.resolve(frame);
    this.#watch(frame);
  }

  /** Loads the instance worker's script and opens the page's sandbox frame if needed (rejects with a readable message). */
  static async create(options: BrowserInstanceHostOptions = {}): Promise<BrowserInstanceHost> {
    const frames = options.frames ?? sharedFrameSource;
    const frame = await frames.acquire(options.container);
    if (await frame.answering()) return new BrowserInstanceHost(frame, options);
    // The page's frame died unnoticed before this host came: it was forgotten on its death, so this opens a new one.
    return new BrowserInstanceHost(await frames.acquire(options.container), options);
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    nextKey += 1;
    const key = `i${nextKey}`;
    if (this.#frameFailed && !this.#disposed) this.#reopen();
    const instance = new BrowserInstance(key, spec, listener, this.#options, this.#frame, () => this.#instances.delete(key));
    if (this.#disposed) instance.terminate('shutdown');
    else this.#instances.set(key, instance);
    return instance;
  }

  /** How many instance workers are alive now. */
  get liveInstances(): number {
    return this.#instances.size;
  }

  /** Why instance memory is not measured on this page, in plain words; undefined while it is (or may yet be). */
  get memoryUnmeasuredReason(): string | undefined {
    if (!globalThis.crossOriginIsolated) {
      return 'the page is not cross-origin isolated, and the browser measures worker memory only on isolated pages (reload the page: the site\'s service worker adds the headers where the host does not)';
    }
    return this.#memoryUnmeasured;
  }

  /**
   * Settles when the sandbox frame has answered a ping sent now, or, when it turns out dead, once its instances
   * have ended and a new frame is opening. A request the scheduler routes after this never goes to a warm instance
   * whose process died unnoticed while idle (it could not start there, and would fail with the process's end
   * instead of running): it starts a new instance on the new frame. The wait is one round trip to a live frame,
   * up to the liveness limit (FRAME_LIVENESS, about 2 s) for a dead one.
   */
  async frameAnswering(): Promise<void> {
    const frame = await this.#frame.catch(() => undefined);
    if (!frame || (await frame.answering())) return;
    // The instances' exits are queued as microtasks by the death listeners: let the scheduler hear them first.
    await new Promise((heard) => setTimeout(heard, 0));
  }

  /** Ends every instance of this host ('shutdown'); the frame goes when no host uses it. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const instance of [...this.#instances.values()]) instance.terminate('shutdown');
    this.#stopWatching();
    void this.#frame.then((frame) => this.#frames.release(frame), () => undefined);
  }

  #watch(frame: InstanceFrame): void {
    const stopListening = frame.listen((message) => this.#hear(message));
    const stopDeath = frame.onDeath(() => this.#frameDied());
    this.#stopWatching = () => {
      stopListening();
      stopDeath();
    };
  }

  #hear(message: FrameToPage): void {
    if (message.hs === 'worker-error') this.#instances.get(message.id)?.workerFailed(message.message);
    else if (message.hs === 'memory-unavailable') this.#memoryUnmeasured = message.reason;
    else if (message.hs === 'memory') {
      for (const [id, bytes] of Object.entries(message.bytes)) {
        this.#instances.get(id)?.memoryMeasured({ bytes, startedAt: message.startedAt, answeredAt: message.answeredAt });
      }
    }
  }

  /** Every instance was in the dead frame's process; the next request gets a new frame, opened now. */
  #frameDied(): void {
    this.#stopWatching();
    for (const instance of [...this.#instances.values()]) instance.processEnded();
    if (!this.#disposed) this.#reopen();
  }

  #reopen(): void {
    this.#frameFailed = false;
    const next = this.#frames.acquire(this.#options.container);
    this.#frame = next;
    next.then(
      (frame) => (this.#disposed ? this.#frames.release(frame) : this.#watch(frame)),
      () => (this.#frameFailed = true),
    );
  }
}


class BrowserInstance implements InstanceHandle {
  readonly #key: string;
  readonly #spec: InstanceSpec;
  readonly #listener: InstanceListener;
  readonly #options: BrowserInstanceHostOptions;
  readonly #frame: Promise<InstanceFrame>;
  readonly #forget: () => void;
  readonly #port: MessagePort;
  readonly #spawnedAt = epochNow();
  #memory: MemoryReading | undefined;
  #onlineAt = 0;
  #ready = false;
  #ended = false;
  #current: string | null = null;
  #logRequest: string | null = null;
  #logCount = 0;
  readonly #services: ServiceCalls;

  constructor(key: string, spec: InstanceSpec, listener: InstanceListener, options: BrowserInstanceHostOptions, frame: Promise<InstanceFrame>, forget: () => void) {
    this.#key = key;
    this.#spec = spec;
    this.#listener = listener;
    this.#options = options;
    this.#frame = frame;
    this.#forget = forget;
    this.#services = new ServiceCalls(listener, (answer) => {
      if (!this.#ended) this.#send(answer);
    });
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#port.onmessage = (event) => this.#receive(event.data);
    this.#port.onmessageerror = () => this.#end('protocol-error', protocolError('a message from the instance could not be read'));
    frame.then(
      (open) => {
        if (!this.#ended) open.spawn(key, channel.port2);
      },
      (error: unknown) => this.workerFailed(error instanceof Error ? error.message : String(error)),
    );
    // Queued on the port until the worker picks it up, so loading overlaps the worker's start.
    this.#send(initMessage(spec));
  }

  invoke(request: InvokeRequest): void {
    if (this.#ended) return;
    this.#current = request.requestId;
    this.#send(invokeMessage(this.#spec, request, this.#options.region, this.#options.clock));
  }

  terminate(reason: ExitReason): void {
    this.#end(reason);
  }

  /** The frame saw the worker die by itself (its script failed to load, or the worker crashed). */
  workerFailed(message: string): void {
    const error: ErrorInfo = { errorType: 'Runtime.WorkerError', errorMessage: message };
    if (!this.#ready && !this.#ended) this.#listener.onInitError(error, this.#phases(0));
    this.#end(this.#ready ? 'crash' : 'init-error', error);
  }

  /** A figure from the browser's memory measurement: reported, and the end of the instance if over its setting. */
  memoryMeasured(reading: MemoryReading): void {
    if (this.#ended) return;
    this.#memory = reading;
    this.#listener.onMetrics?.(memorySample(reading, (epoch) => this.#toClock(epoch)));
    if (isOverLimit(reading, this.#spec.memoryMb)) this.#end('out-of-memory', overLimitError(this.#current, this.#spec.memoryMb, reading, epochNow()));
  }

  /** The frame's process ended under this instance. */
  processEnded(): void {
    this.#end('out-of-memory', processEndedError(this.#current, this.#memory, epochNow()));
  }

  #toClock(epochMs: number): number {
    const clock = this.#options.clock;
    return clock ? clock.now() - (epochNow() - epochMs) : epochMs;
  }

  #send(message: HostMessage): void {
    try {
      this.#port.postMessage(message);
    } catch (error) {
      // An event or env value that cannot be cloned (a function, say) ends this instance, never the page.
      this.#end('protocol-error', protocolError(`the message could not be sent: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  #receive(data: unknown): void {
    if (this.#ended) return;
    if (this.#onlineAt === 0) {
      const online = parseOnline(data);
      if (!online) return this.#end('protocol-error', protocolError('the instance did not start with its online message'));
      this.#onlineAt = Math.max(online.at, this.#spawnedAt);
      this.#listener.onInitializing?.();
      return;
    }
    const parsed = parseInstanceMessage(data);
    if (!parsed.ok) return this.#end('protocol-error', protocolError(`the instance sent a malformed message: ${parsed.problem}`));
    this.#handle(parsed.message);
  }

  #handle(message: InstanceMessage): void {
    switch (message.type) {
      case 'ready':
        this.#ready = true;
        this.#listener.onReady(this.#phases(message.initMs));
        return;
      case 'initError':
        this.#listener.onInitError(message.error, this.#phases(0));
        this.#end('init-error', message.error);
        return;
      case 'log':
        if (this.#withinLogCap(message.requestId)) this.#listener.onLog(message.requestId, message.level, message.message, message.time);
        return;
      case 'result': {
        if (message.requestId !== this.#current) {
          this.#end('protocol-error', protocolError(`result for ${message.requestId}, which is not in flight`));
          return;
        }
        this.#current = null;
        const result = message.ok ? { ok: true as const, value: message.value } : { ok: false as const, error: message.error };
        this.#listener.onResult({ requestId: message.requestId, durationMs: message.durationMs, usage: message.usage, result });
        return;
      }
      case 'profile':
        if (message.requestId === this.#current) this.#listener.onProfile?.(message.requestId, message.outcome);
        return;
      case 'call': {
        const refused = this.#services.take(message);
        if (refused) this.#end('protocol-error', protocolError(`the instance broke the protocol: ${refused}`));
        return;
      }
      case 'fatal':
        if (!this.#ready) this.#listener.onInitError(message.error, this.#phases(0));
        this.#end(this.#ready ? 'crash' : 'init-error', message.error);
        return;
    }
  }

  /** The worker caps its own logs; this second cap holds even if user code got around the worker's. */
  #withinLogCap(requestId: string | null): boolean {
    if (requestId !== this.#logRequest) {
      this.#logRequest = requestId;
      this.#logCount = 0;
    }
    this.#logCount += 1;
    return this.#logCount <= LOG_MESSAGE_CAP;
  }

  #phases(initMs: number): StartPhases {
    const now = epochNow();
    const online = this.#onlineAt || now;
    return { spawnMs: online - this.#spawnedAt, loadMs: Math.max(0, now - online - initMs), initMs };
  }

  #end(reason: ExitReason, error?: ErrorInfo): void {
    if (this.#ended) return;
    this.#ended = true;
    void this.#frame.then((open) => open.kill(this.#key), () => undefined);
    this.#port.onmessage = null;
    this.#port.close();
    this.#forget();
    // Outcomes arrive after the call that caused them returns, as the InstanceHost contract asks.
    queueMicrotask(() => (error ? this.#listener.onExit(reason, error) : this.#listener.onExit(reason)));
  }
}

function protocolError(message: string): ErrorInfo {
  return { errorType: 'Runtime.ProtocolError', errorMessage: message };
}

/** Epoch milliseconds with sub-millisecond precision, comparable with the worker's clock. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
