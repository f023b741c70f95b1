/// <reference lib="webworker" />
/**
 * The compiler's own Web Worker: esbuild-wasm started once, in this thread (`worker: false`), so both the compile
 * and the virtual-file plugin callbacks run here and the page's thread only posts sources and receives a bundle.
 */
import * as esbuild from 'esbuild-wasm';
import wasmURL from 'esbuild-wasm/esbuild.wasm?url';
import { compileWith } from './compile-function.ts';
import type { Build } from './compile-function.ts';
import type { FunctionSources } from './options.ts';
import type { CompileResult, CompilerReply, CompilerRequest } from './browser-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let started: Promise<void> | undefined;

const WARM_UP: FunctionSources = { entry: 'index.ts', files: { 'index.ts': 'export const handler = async (event: unknown) => ({ event });' } };

scope.onmessage = async (event: MessageEvent<CompilerRequest>) => {
  const request = event.data;
  const sources = request.type === 'compile' ? request.sources : WARM_UP;
  try {
    started ??= esbuild.initialize({ wasmURL: new URL(wasmURL, scope.location.href).href, worker: false });
    await started;
  } catch (error) {
    started = undefined;
    scope.postMessage({ id: request.id, unavailable: messageOf(error) } satisfies CompilerReply);
    return;
  }
  scope.postMessage({ id: request.id, result: await compile(sources) } satisfies CompilerReply);
};

async function compile(sources: FunctionSources): Promise<CompileResult> {
  try {
    return await compileWith(esbuild.build as unknown as Build, sources);
  } catch (error) {
    return { ok: false, diagnostics: [{ file: sources.entry, line: 0, column: 0, message: messageOf(error) }] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
