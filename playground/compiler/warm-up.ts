import type { CompileResult } from './browser-protocol.ts';
import type { FunctionSources } from './options.ts';

/**
 * V8 first runs esbuild's wasm with its baseline compiler and recompiles the functions that turn out hot with its
 * optimising one, on background threads, for seconds. Measured in a trace of edits pressed at once after the first
 * Invoke (two cores), that was 0.45–0.74 s of CPU per edit for the first half-dozen edits, beside the user's own
 * compile and cold start. Builds run while nobody waits move that work out of the way. They count with the user's
 * builds, which heat the same code, up to this many in all.
 */
export const WARM_UP_BUILDS = 24;
/** The warm-up builds only once no compile is running and no page has compiled or run anything for this long. */
export const QUIET_MS = 1000;

/** The timer and clock the warm-up waits with (the worker's own; a test's fake ones). */
export interface WarmUpClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The compiler worker's builds, the user's and the warm-up's, in one place: the warm-up builds the page's own
 * project (edited a little each time, as the user would) so that V8 optimises the paths that project's builds run
 * and its esbuild context is made before the first Invoke, and a handler of the usual kind where the project does
 * not build. It never holds up a user's build by more than the one warm-up build in flight.
 */
export class CompilerBuilds {
  #builds = 0;
  #compiling = 0;
  #lastActive = Number.NEGATIVE_INFINITY;
  #warmUp: Promise<CompileResult> | undefined;

  readonly #build: (sources: FunctionSources) => Promise<CompileResult>;
  readonly #clock: WarmUpClock;

  constructor(build: (sources: FunctionSources) => Promise<CompileResult>, clock: WarmUpClock) {
    this.#build = build;
    this.#clock = clock;
  }

  /** A user's compile: runs at once (after any build in progress) and keeps the warm-up waiting while it runs. */
  async compile(sources: FunctionSources): Promise<CompileResult> {
    this.#compiling += 1;
    try {
      return await this.#run(sources);
    } finally {
      this.#compiling -= 1;
      this.active();
    }
  }

  /** A page is running something now (an invoke, a check): the warm-up waits until it has been quiet a while. */
  active(): void {
    this.#lastActive = this.#clock.now();
  }

  /** Starts the warm-up, once however often asked; resolves with its last build's result. */
  warmUp(own?: FunctionSources): Promise<CompileResult> {
    this.#warmUp ??= this.#warm(own);
    return this.#warmUp;
  }

  async #warm(own: FunctionSources | undefined): Promise<CompileResult> {
    let edit = 0;
    let sources = own ? (n: number) => editedSources(own, n) : usualHandler;
    let result: CompileResult = { ok: false, diagnostics: [] };
    for (;;) {
      await this.#quiet();
      if (this.#builds >= WARM_UP_BUILDS) return result;
      result = await this.#run(sources(edit++));
      if (result.ok) continue;
      if (sources === usualHandler) return result;
      // The page's code does not build (yet): the rest of the warm-up builds a handler that does.
      sources = usualHandler;
    }
  }

  #run(sources: FunctionSources): Promise<CompileResult> {
    this.#builds += 1;
    return this.#build(sources);
  }

  async #quiet(): Promise<void> {
    for (;;) {
      const wait = this.#compiling > 0 ? QUIET_MS : this.#lastActive + QUIET_MS - this.#clock.now();
      if (wait <= 0) return;
      await this.#clock.sleep(wait);
    }
  }
}

/** The page's project with a statement added at the end of its entry, as an edit would. */
function editedSources(sources: FunctionSources, edit: number): FunctionSources {
  return { ...sources, files: { ...sources.files, [sources.entry]: `${sources.files[sources.entry] ?? ''}\nvoid ${edit};\n` } };
}

/** A handler of the usual kind: types, a class, a helper module, JSON. */
function usualHandler(edit: number): FunctionSources {
  return {
    entry: 'index.ts',
    files: {
      'index.ts': [
        "import { total, type Line } from './lib/cart';",
        "import prices from './prices.json';",
        'interface Order { id: string; lines: Line[] }',
        'class Receipt { constructor(readonly order: Order, readonly sum: number) {} toJSON() { return { id: this.order.id, sum: this.sum }; } }',
        `export const main_handler = async (event: { body?: string }, context: { request_id?: string }) => {`,
        "  const order = JSON.parse(event.body ?? '{}') as Order;",
        `  console.log(\`order \${order.id} (\${context.request_id ?? 'local'})\`, prices);`,
        `  return { statusCode: 200, body: JSON.stringify(new Receipt(order, total(order.lines ?? []) + ${edit})) };`,
        '};',
      ].join('\n'),
      'lib/cart.ts': 'export interface Line { sku: string; qty: number; price: number }\nexport const total = (lines: Line[]): number => lines.reduce((sum, line) => sum + line.qty * line.price, 0);',
      'prices.json': '{ "tea": 12, "noodles": 28 }',
    },
  };
}
