import { parseFrameMessage } from './frame-protocol.ts';
import type { FrameToPage, PageToFrame } from './frame-protocol.ts';

/**
 * The hidden iframe every browser instance lives in. `sandbox="allow-scripts"` without `allow-same-origin` gives
 * it an opaque origin, so workers it creates (and the user code inside them) cannot read the site's storage,
 * cookies or DOM. The page sends it a few small commands; the instances themselves talk to the page on their own
 * MessagePorts, so a warm invoke never crosses the frame.
 */
export class SandboxFrame {
  readonly #iframe: HTMLIFrameElement;
  readonly #onMessage: (event: MessageEvent) => void;
  readonly #listeners = new Set<(message: FrameToPage) => void>();

  private constructor(iframe: HTMLIFrameElement, onMessage: (event: MessageEvent) => void) {
    this.#iframe = iframe;
    this.#onMessage = onMessage;
  }

  /** Adds the frame to `parent` (default: the body), waits until it listens, and gives it the worker's script. */
  static async open(workerSource: string, workerType: WorkerType, parent: HTMLElement = document.body, timeoutMs = 10_000): Promise<SandboxFrame> {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
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
    opened.#post({ hs: 'boot', workerSource, workerType });
    return opened;
  }

  /** Hears workers that died on their own; returns the call that stops listening. */
  listen(listener: (message: FrameToPage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  spawn(id: string, port: MessagePort): void {
    this.#post({ hs: 'spawn', id }, [port]);
  }

  kill(id: string): void {
    this.#post({ hs: 'kill', id });
  }

  close(): void {
    window.removeEventListener('message', this.#onMessage);
    this.#iframe.remove();
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
 * believes only its parent at the page's origin, and turns the worker script into a blob URL of its own origin.
 */
function frameMain(pageOrigin: string): void {
  let workerUrl: string | undefined;
  let workerOptions: WorkerOptions = {};
  const workers = new Map<string, Worker>();
  const report = (id: string, message: string) => parent.postMessage({ hs: 'worker-error', id, message }, pageOrigin);
  const kill = (id: string) => {
    workers.get(id)?.terminate();
    workers.delete(id);
  };
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== pageOrigin) return;
    const data = event.data as { hs?: unknown; id?: unknown; workerSource?: unknown; workerType?: unknown } | null;
    if (typeof data !== 'object' || data === null) return;
    if (data.hs === 'boot' && typeof data.workerSource === 'string' && workerUrl === undefined) {
      workerUrl = URL.createObjectURL(new Blob([data.workerSource], { type: 'text/javascript' }));
      workerOptions = { type: data.workerType === 'module' ? 'module' : 'classic' };
    } else if (data.hs === 'spawn' && typeof data.id === 'string' && workerUrl && event.ports[0]) {
      const id = data.id;
      const port = event.ports[0];
      let worker: Worker;
      try {
        worker = new Worker(workerUrl, { ...workerOptions, name: id });
      } catch (error) {
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
      workers.set(id, worker);
      worker.postMessage({ port }, [port]);
    } else if (data.hs === 'kill' && typeof data.id === 'string') {
      kill(data.id);
    }
  });
  parent.postMessage({ hs: 'frame-ready' }, pageOrigin);
}
