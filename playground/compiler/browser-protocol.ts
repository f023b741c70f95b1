import type { FunctionSources } from './options.ts';

/** A compile problem a person can act on, in the shape Monaco markers need (1-based line and column; line 0: no place). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A function's layers as the platform mounts them at `/opt`: each file compiled to a CommonJS module, by its path
 * under `/opt` ("nodejs/pricing.js"). Kept apart from the function's bundle, which only `require`s them.
 */
export type LayerArtifact = Record<string, string>;

/** What an instance needs of a compiled function: its bundle, and its layers when it has any. */
export interface CompiledFunction {
  bundle: string;
  layer?: LayerArtifact;
}

export type CompileResult = ({ ok: true; warnings: Diagnostic[] } & CompiledFunction) | { ok: false; diagnostics: Diagnostic[] };

/** Page → compiler worker. `warm` starts esbuild and runs one throwaway build, so the first real one is fast. */
export type CompilerRequest = { id: number; type: 'compile'; sources: FunctionSources } | { id: number; type: 'warm' };

/** A result, or `unavailable`: esbuild-wasm itself did not load (the sources were never looked at). */
export type CompilerReply = { id: number; result: CompileResult } | { id: number; unavailable: string };
