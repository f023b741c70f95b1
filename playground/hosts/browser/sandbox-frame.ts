import { FRAME_LIVENESS, FrameLiveness } from './frame-liveness.ts';
import { parseFrameMessage, parsePong } from './frame-protocol.ts';
import type { FrameToPage, LivenessBeat, PageToFrame } from './frame-protocol.ts';
import type { InstanceFrame } from './instance-frame.ts';

/**
 * The hidden iframe every browser instance lives in. `sandbox="allow-scripts"` without `allow-same-origin` gives
 * it an opaque origin, so workers it creates (and the user code inside them) cannot read the site's storage,
 * cookies or DOM. The page sends it a few small commands; the instances themselves talk to the page on their own
 * MessagePorts, so a warm invoke never crosses the frame.
 *
 * `allow="cross-origin-isolated"` lets the frame share the page's cross-origin isolation (when the page has it):
 * only then can the frame call `performance.measureUserAgentSpecificMemory()` and see its own workers by URL. The
 * page's own call reports the whole frame as one "cross-origin-aggregated" entry of 0 bytes (Chromium 156), so
 * the frame measures and reports. Chromium runs the frame in a renderer process of its own; when a worker runs
 * that process out of memory, the frame stops answering pings and `onDeath` listeners hear it.
 */
export class SandboxFrame implements InstanceFrame {
  readonly #iframe: HTMLIFrameElement;
  readonly #onMessage: (event: MessageEvent) => void;
  readonly #listeners = new Set<(message: FrameToPage) => void>();
  readonly #deathListeners = new Set<() => void>();
  readonly #life = new MessageChannel();
  readonly #liveness = new FrameLiveness(FRAME_LIVENESS);
  /** Callers of `answering` waiting for the pong of ping `n` (or a later one). */
  #answerWaiters: { n: number; answered: (alive: boolean) => void }[] = [];
  #pending: Promise<boolean> | undefined;
  #beat: ReturnType<typeof setInterval> | undefined;
  #dead = false;
  #closed = false;

  private constructor(iframe: HTMLIFrameElement, onMessage: (event: MessageEvent) => void) {
    this.#iframe = iframe;
    this.#onMessage = onMessage;
  }

  /** Adds the frame to `parent` (default: the body), waits until it listens, and gives it the worker's script. */
  static async open(workerSource: string, workerType: WorkerType, parent: HTMLElement = document.body, timeoutMs = 10_000): Promise<SandboxFrame> {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('allow', 'cross-origin-isolated');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'hello-serverless instances';
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    iframe.srcdoc = frameDocument(location.origin);
    let frame: SandboxFrame | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The sandbox frame did not start within ${timeoutMs / 1000} s; instances cannot run.`)), timeoutMs);
      const onMessage = (event: MessageEvent) => {
        // Only the frame's own window, which has the opaque origin "null", is believed.
        if (event.source !== iframe.contentWindow || event.origin !== 'null') return;
        const message = parseFrameMessage(event.data);
        if (!message) return;
        if (message.hs === 'frame-ready') {
          clearTimeout(timer);
          resolve();
        } else if (frame) for (const listener of frame.#listeners) listener(message);
      };
      frame = new SandboxFrame(iframe, onMessage);
      window.addEventListener('message', onMessage);
    });
    parent.append(iframe);
    try {
      await ready;
    } catch (error) {
      frame?.close();
      throw error;
    }
    const opened = frame as SandboxFrame;
    opened.#post({ hs: 'boot', workerSource, workerType }, [opened.#life.port2]);
    opened.#watchLife();
    return opened;
  }

  /** Hears workers that died on their own and the frame's memory figures; returns the call that stops listening. */
  listen(listener: (message: FrameToPage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Hears, once, that the frame's process ended; the frame has already removed itself. */
  onDeath(listener: () => void): () => void {
    this.#deathListeners.add(listener);
    return () => this.#deathListeners.delete(listener);
  }

  get dead(): boolean {
    return this.#dead;
  }

  /**
   * Pings the frame now: true once it answers, false if it is (or is found to be) dead. A killed process gives no
   * sign until its pings go unanswered, so work sent to the frame just after its death would be lost; a caller
   * that cannot afford that asks first. Callers that ask while a ping is out share its answer.
   */
  answering(): Promise<boolean> {
    if (this.#dead || this.#closed) return Promise.resolve(false);
    this.#pending ??= new Promise<boolean>((answered) => {
      this.#answerWaiters.push({ n: this.#ping(), answered });
    }).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  spawn(id: string, port: MessagePort): void {
    this.#post({ hs: 'spawn', id }, [port]);
  }

  kill(id: string): void {
    this.#post({ hs: 'kill', id });
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#beat);
    this.#life.port1.onmessage = null;
    this.#life.port1.close();
    window.removeEventListener('message', this.#onMessage);
    this.#iframe.remove();
    // A closed frame answers no one; a dead one tells its waiters in #die, after its death listeners.
    if (!this.#dead) this.#settleWaiters(() => true, false);
  }

  #watchLife(): void {
    const port = this.#life.port1;
    port.onmessage = (event: MessageEvent) => {
      const n = parsePong(event.data);
      if (n === undefined) return;
      this.#liveness.pong(n);
      this.#settleWaiters((waiter) => waiter.n <= n, true);
    };
    // Instant where Chromium fires it (behind a flag in 156); the pings decide everywhere else.
    port.addEventListener('close', () => this.#die());
    this.#beat = setInterval(() => {
      if (this.#liveness.isDead(performance.now())) return this.#die();
      this.#ping();
    }, FRAME_LIVENESS.intervalMs);
  }

  #ping(): number {
    const beat: LivenessBeat = { hs: 'ping', n: this.#liveness.ping(performance.now()) };
    this.#life.port1.postMessage(beat);
    return beat.n;
  }

  #settleWaiters(which: (waiter: { n: number }) => boolean, alive: boolean): void {
    const settled = this.#answerWaiters.filter(which);
    if (settled.length === 0) return;
    this.#answerWaiters = this.#answerWaiters.filter((waiter) => !which(waiter));
    for (const waiter of settled) waiter.answered(alive);
  }

  #die(): void {
    if (this.#dead) return;
    this.#dead = true;
    this.close();
    for (const listener of [...this.#deathListeners]) listener();
    this.#deathListeners.clear();
    // After the death listeners, so a caller told "dead" finds the frame's instances already ended.
    this.#settleWaiters(() => true, false);
  }

  #post(message: PageToFrame, transfer: Transferable[] = []): void {
    // An opaque origin can only be addressed with "*"; the frame is ours and holds nothing secret.
    this.#iframe.contentWindow?.postMessage(message, '*', transfer);
  }
}

function frameDocument(pageOrigin: string): string {
  return `<!doctype html><meta charset="utf-8"><script>(${frameMain.toString()})(${JSON.stringify(pageOrigin)})</script>`;
}

/**
 * The frame's whole program, serialised into its srcdoc, so it must not refer to anything outside itself. It
 * believes only its parent at the page's origin. Each worker gets a blob URL of its own (of one shared Blob), so
 * the browser's memory breakdown, which names workers by URL, tells the instances apart.
 */
function frameMain(pageOrigin: string): void {
  let workerBlob: Blob | undefined;
  let workerOptions: WorkerOptions = {};
  const workers = new Map<string, { worker: Worker; url: string }>();
  let measuring = false;
  let unavailable = false;
  const report = (id: string, message: string) => parent.postMessage({ hs: 'worker-error', id, message }, pageOrigin);
  const kill = (id: string) => {
    const entry = workers.get(id);
    if (!entry) return;
    entry.worker.terminate();
    URL.revokeObjectURL(entry.url);
    workers.delete(id);
  };
  const cannotMeasure = (reason: string) => {
    unavailable = true;
    parent.postMessage({ hs: 'memory-unavailable', reason }, pageOrigin);
  };
  // One measurement after another while there are workers: Chromium answers each after 10-20 s, when a garbage
  // collection has run, so the figures were true somewhere between the call and the answer.
  const measure = async () => {
    const measureMemory = (performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ breakdown: { bytes: number; attribution: { url: string; scope: string }[] }[] }> }).measureUserAgentSpecificMemory;
    if (!crossOriginIsolated) return cannotMeasure('the page is not cross-origin isolated (it needs the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp or credentialless)');
    if (typeof measureMemory !== 'function') return cannotMeasure('this browser has no performance.measureUserAgentSpecificMemory()');
    measuring = true;
    while (workers.size > 0) {
      const startedAt = performance.timeOrigin + performance.now();
      let result: Awaited<ReturnType<typeof measureMemory>>;
      try {
        result = await measureMemory.call(performance);
      } catch (error) {
        measuring = false;
        return cannotMeasure(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      const ids = new Map([...workers].map(([id, entry]) => [entry.url, id]));
      const bytes: Record<string, number> = {};
      for (const entry of result.breakdown) {
        for (const attribution of entry.attribution) {
          const id = attribution.scope === 'DedicatedWorkerGlobalScope' ? ids.get(attribution.url) : undefined;
          if (id !== undefined) bytes[id] = (bytes[id] ?? 0) + entry.bytes;
        }
      }
      parent.postMessage({ hs: 'memory', startedAt, answeredAt: performance.timeOrigin + performance.now(), bytes }, pageOrigin);
    }
    measuring = false;
  };
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== pageOrigin) return;
    const data = event.data as { hs?: unknown; id?: unknown; workerSource?: unknown; workerType?: unknown } | null;
    if (typeof data !== 'object' || data === null) return;
    if (data.hs === 'boot' && typeof data.workerSource === 'string' && workerBlob === undefined) {
      workerBlob = new Blob([data.workerSource], { type: 'text/javascript' });
      workerOptions = { type: data.workerType === 'module' ? 'module' : 'classic' };
      const life = event.ports[0];
      if (life) life.onmessage = (beat: MessageEvent) => {
        const n = (beat.data as { hs?: unknown; n?: unknown } | null)?.n;
        if (typeof n === 'number') life.postMessage({ hs: 'pong', n });
      };
    } else if (data.hs === 'spawn' && typeof data.id === 'string' && workerBlob && event.ports[0]) {
      const id = data.id;
      const port = event.ports[0];
      const url = URL.createObjectURL(workerBlob);
      let worker: Worker;
      try {
        worker = new Worker(url, { ...workerOptions, name: id });
      } catch (error) {
        URL.revokeObjectURL(url);
        report(id, error instanceof Error ? error.message : String(error));
        return;
      }
      worker.onerror = (error) => {
        error.preventDefault();
        kill(id);
        report(id, error.message || 'the instance worker stopped with an error');
      };
      worker.onmessageerror = () => {
        kill(id);
        report(id, 'the instance worker sent a message that could not be read');
      };
      workers.set(id, { worker, url });
      worker.postMessage({ port }, [port]);
      if (!measuring && !unavailable) void measure();
    } else if (data.hs === 'kill' && typeof data.id === 'string') {
      kill(data.id);
    }
  });
  parent.postMessage({ hs: 'frame-ready' }, pageOrigin);
}
