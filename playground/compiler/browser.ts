import CompilerSharedWorker from './browser-worker.ts?sharedworker';
import CompilerWorker from './browser-worker.ts?worker';
import type { FunctionSources } from './options.ts';
import type { CompileResult, CompilerReply, CompilerRequest } from './browser-protocol.ts';

export type { CompileResult, Diagnostic } from './browser-protocol.ts';

/**
 * Compiles a function's virtual files in the browser with esbuild-wasm and the same options as the Node CLI
 * (`options.ts`), in a worker of its own: the editor never waits on the compiler. The `.wasm` is served by the
 * site. One worker, started on first need and kept.
 *
 * It is a SharedWorker where the browser has them, because Chromium runs a shared worker in a renderer process
 * of its own. For seconds after esbuild's first builds, V8 compiles its hot WebAssembly functions again with its
 * optimising tier on background threads of the process the worker lives in; measured in a trace of the first
 * Invoke, the page's layouts then waited 0.6 s while using 17 ms of CPU when the worker was the page's own, and
 * clicks waited with them. The tabs of one site share the worker, and so one esbuild.
 */
export interface BrowserCompiler {
  /** The bundle (CommonJS with an inline source map), or diagnostics with file, 1-based line and column, message. */
  compile(sources: FunctionSources): Promise<CompileResult>;
  /**
   * Starts esbuild when the page is idle and has it run throwaway builds, of `sources` where given, so that the
   * user's builds find it started and its hot code already optimised.
   */
  warm(sources?: FunctionSources): void;
  /** Tells the warm-up that the page is busy now (an invoke), so that it does not compete with it. */
  active(): void;
}

/**
 * Our compiler did not load (its worker script or esbuild's wasm could not be fetched): nothing is wrong with the
 * code, so this is thrown rather than answered as diagnostics. `name` identifies it across lazily loaded chunks.
 */
export class CompilerUnavailableError extends Error {
  override name = 'CompilerUnavailableError';

  constructor(detail: string) {
    super(`The compiler (esbuild-wasm) did not load: ${detail}`);
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let shared: WorkerCompiler | undefined;

/** Recent builds kept by their sources: re-running unchanged code, or changing only settings, compiles nothing. */
const CACHED_BUILDS = 8;

/** The page's compiler. */
export function browserCompiler(): BrowserCompiler {
  shared ??= new WorkerCompiler();
  return shared;
}

class WorkerCompiler implements BrowserCompiler {
  #line: CompilerLine | undefined;
  #next = 0;
  #warmed = false;
  readonly #waiting = new Map<number, { resolve(result: CompileResult): void; reject(error: Error): void }>();
  readonly #builds = new Map<string, Promise<CompileResult>>();

  compile(sources: FunctionSources): Promise<CompileResult> {
    const key = JSON.stringify([sources.entry, Object.entries(sources.files), sources.opt ?? null]);
    const cached = this.#builds.get(key);
    if (cached) {
      this.#builds.delete(key);
      this.#builds.set(key, cached);
      return cached;
    }
    const build = this.#ask({ type: 'compile', sources: plainSources(sources) }, sources.entry);
    this.#builds.set(key, build);
    // A compiler that did not load is not an answer about the code: the next compile asks again.
    build.catch(() => this.#builds.delete(key));
    if (this.#builds.size > CACHED_BUILDS) this.#builds.delete(this.#builds.keys().next().value!);
    return build;
  }

  warm(sources?: FunctionSources): void {
    if (this.#warmed) return;
    this.#warmed = true;
    const request: WithoutId<CompilerRequest> = sources ? { type: 'warm', sources: plainSources(sources) } : { type: 'warm' };
    // A failed warm-up is not reported: the compile that needs the compiler tries again and says why.
    const run = () => void this.#ask(request, 'index.ts').catch(() => undefined);
    if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 200);
  }

  active(): void {
    // A compiler not started yet has no warm-up to hold off.
    this.#line?.port.postMessage({ id: 0, type: 'active' } satisfies CompilerRequest);
  }

  #ask(request: WithoutId<CompilerRequest>, entry: string): Promise<CompileResult> {
    const line = this.#start();
    this.#next += 1;
    const id = this.#next;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      try {
        line.port.postMessage({ ...request, id } as CompilerRequest);
      } catch (error) {
        this.#waiting.delete(id);
        resolve({ ok: false, diagnostics: [{ file: entry, line: 0, column: 0, message: `The sources could not be sent to the compiler: ${String(error)}` }] });
      }
    });
  }

  #start(): CompilerLine {
    if (this.#line) return this.#line;
    const line = openLine();
    line.port.onmessage = (event: MessageEvent<CompilerReply>) => {
      const reply = event.data;
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if ('unavailable' in reply) waiting?.reject(new CompilerUnavailableError(reply.unavailable));
      else waiting?.resolve(reply.result);
    };
    line.worker.onerror = (event) => {
      // The worker itself failed (its script did not load): every waiting compile is told, the next one retries.
      const error = new CompilerUnavailableError((event instanceof ErrorEvent && event.message) || 'its worker script could not be loaded');
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
      line.close();
      this.#line = undefined;
    };
    this.#line = line;
    return line;
  }
}

/** The page's line to the compiler: where requests go and replies come (`port`), and what reports a failed start. */
interface CompilerLine {
  port: MessagePort | Worker;
  worker: SharedWorker | Worker;
  close(): void;
}

function openLine(): CompilerLine {
  if (typeof SharedWorker === 'function') {
    const shared = new CompilerSharedWorker();
    return { port: shared.port, worker: shared, close: () => shared.port.close() };
  }
  const worker = new CompilerWorker();
  return { port: worker, worker, close: () => worker.terminate() };
}

/** Only what the compiler reads, as plain data the worker can be sent. */
function plainSources(sources: FunctionSources): FunctionSources {
  return { entry: sources.entry, files: { ...sources.files }, ...(sources.opt ? { opt: [...sources.opt] } : {}) };
}
