import type { CompiledFunction } from '../project/compiled-function.ts';
import type { FunctionSources } from './options.ts';

/** A compile problem a person can act on, in the shape Monaco markers need (1-based line and column; line 0: no place). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type { CompiledFunction, LayerArtifact } from '../project/compiled-function.ts';

export type CompileResult = ({ ok: true; warnings: Diagnostic[] } & CompiledFunction) | { ok: false; diagnostics: Diagnostic[] };

/** Page → compiler worker. `warm` starts esbuild and runs one throwaway build, so the first real one is fast. */
export type CompilerRequest = { id: number; type: 'compile'; sources: FunctionSources } | { id: number; type: 'warm' };

/** A result, or `unavailable`: esbuild-wasm itself did not load (the sources were never looked at). */
export type CompilerReply = { id: number; result: CompileResult } | { id: number; unavailable: string };
