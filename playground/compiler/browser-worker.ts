/// <reference lib="webworker" />
/**
 * The compiler's own worker: esbuild-wasm started once, in this thread (`worker: false`), so both the compile and
 * the virtual-file plugin callbacks run here and a page only posts sources and receives a bundle. Pages start it
 * as a SharedWorker where the browser has them (see browser.ts for why), answering each page on its own port, and
 * as a dedicated Worker elsewhere.
 */
import * as esbuild from 'esbuild-wasm';
import wasmURL from 'esbuild-wasm/esbuild.wasm?url';
import { contextBundleBuild } from './build-contexts.ts';
import { compileWith } from './compile-function.ts';
import type { Build } from './compile-function.ts';
import type { FunctionSources } from './options.ts';
import { runZeroDelayTimeoutsPromptly, type TimerScope } from './prompt-timeouts.ts';
import type { CompileResult, CompilerReply, CompilerRequest } from './browser-protocol.ts';

type Scope = (SharedWorkerGlobalScope | DedicatedWorkerGlobalScope) & typeof globalThis;

/** Where one page's requests arrive and its replies go: its port of the shared worker, or the dedicated worker's scope. */
interface PageLine {
  onmessage: ((event: MessageEvent<CompilerRequest>) => unknown) | null;
  postMessage(reply: CompilerReply): void;
}

const scope = self as unknown as Scope;
runZeroDelayTimeoutsPromptly(scope as unknown as TimerScope);
let started: Promise<void> | undefined;
/** Set by the first compile anyone asks for: from then on the user's builds warm esbuild, and the warm-up stops. */
let asked = false;
/** One warm-up per worker: with a SharedWorker, each tab asks for one, and the first one's builds serve them all. */
let warmedUp: Promise<CompileResult> | undefined;
const bundle = contextBundleBuild(esbuild);

/**
 * What the warm-up builds, edit after edit: a handler of the usual kind (types, a class, a helper module, JSON).
 * V8 first runs esbuild's wasm with its baseline compiler and recompiles the functions that turn out hot with its
 * optimising one, in the background, for seconds; done at idle, that work no longer competes with the first builds
 * the user asks for.
 */
const WARM_UP_BUILDS = 12;
const warmUpSources = (edit: number): FunctionSources => ({
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
});

if ('onconnect' in scope) scope.onconnect = (event: MessageEvent) => event.ports.forEach((port) => answer(port as PageLine));
else answer(scope as unknown as PageLine);

function answer(line: PageLine): void {
  line.onmessage = async (event) => {
    const request = event.data;
    try {
      started ??= esbuild.initialize({ wasmURL: new URL(wasmURL, scope.location.href).href, worker: false });
      await started;
    } catch (error) {
      started = undefined;
      line.postMessage({ id: request.id, unavailable: messageOf(error) });
      return;
    }
    if (request.type === 'compile') {
      asked = true;
      line.postMessage({ id: request.id, result: await compile(request.sources) });
      return;
    }
    warmedUp ??= warmUp();
    line.postMessage({ id: request.id, result: await warmedUp });
  };
}

async function warmUp(): Promise<CompileResult> {
  let result = await compile(warmUpSources(0));
  for (let edit = 1; edit < WARM_UP_BUILDS && result.ok && !asked; edit++) result = await compile(warmUpSources(edit));
  return result;
}

async function compile(sources: FunctionSources): Promise<CompileResult> {
  try {
    return await compileWith(esbuild.build as unknown as Build, sources, bundle);
  } catch (error) {
    return { ok: false, diagnostics: [{ file: sources.entry, line: 0, column: 0, message: messageOf(error) }] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
