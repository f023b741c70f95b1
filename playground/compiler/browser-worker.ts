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
import { esbuildWasmModule } from './esbuild-wasm-module.ts';
import type { Build } from './compile-function.ts';
import type { FunctionSources } from './options.ts';
import { runZeroDelayTimeoutsPromptly, type TimerScope } from './prompt-timeouts.ts';
import { CompilerBuilds } from './warm-up.ts';
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
const bundle = contextBundleBuild(esbuild);
const builds = new CompilerBuilds(compile, { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });

if ('onconnect' in scope) scope.onconnect = (event: MessageEvent) => event.ports.forEach((port) => answer(port as PageLine));
else answer(scope as unknown as PageLine);

function answer(line: PageLine): void {
  line.onmessage = async (event) => {
    const request = event.data;
    if (request.type === 'active') {
      builds.active();
      return;
    }
    try {
      started ??= esbuildWasmModule(new URL(wasmURL, scope.location.href).href).then((wasmModule) => esbuild.initialize({ wasmModule, worker: false }));
      await started;
    } catch (error) {
      started = undefined;
      line.postMessage({ id: request.id, unavailable: messageOf(error) });
      return;
    }
    // One warm-up per worker: with a SharedWorker, each tab asks for one, and the first one's builds serve them all.
    const result = request.type === 'compile' ? builds.compile(request.sources) : builds.warmUp(request.sources);
    line.postMessage({ id: request.id, result: await result });
  };
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
