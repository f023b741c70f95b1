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

/**
 * Page → compiler worker. `warm` starts esbuild and runs throwaway builds while the pages are quiet, of `sources`
 * (the page's own project) where given; `active` says a page is running something now, which the warm-up waits
 * out, and is not answered.
 */
export type CompilerRequest =
  | { id: number; type: 'compile'; sources: FunctionSources }
  | { id: number; type: 'warm'; sources?: FunctionSources }
  | { id: number; type: 'active' };

/** A result, or `unavailable`: esbuild-wasm itself did not load (the sources were never looked at). */
export type CompilerReply = { id: number; result: CompileResult } | { id: number; unavailable: string };
