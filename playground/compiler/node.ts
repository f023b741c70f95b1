import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { join as joinVirtual } from './virtual-path.ts';
import * as esbuild from 'esbuild';
import type { CompileResult, Diagnostic } from './browser-protocol.ts';
import { compileWith } from './compile-function.ts';
import { normalise, SOURCE_EXTENSIONS } from './options.ts';
import { withRealSourcePaths } from './real-source-paths.ts';
import type { FunctionSources } from './options.ts';

export type { CompileResult, Diagnostic } from './browser-protocol.ts';

export function compileFiles(sources: FunctionSources): Promise<CompileResult> {
  return compileWith(esbuild.build, sources);
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.serverless', 'dist']);
const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Reads every source file under `dir` (node_modules excluded: packages are required at run time). */
export function readSourceTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(path);
      } else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) {
        if (statSync(path).size <= MAX_SOURCE_BYTES) files[normalise(relative(dir, path))] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(dir);
  return files;
}

/** Finds the source behind a handler's file part ("index" → index.ts, index.js, …). */
export function findEntry(files: Record<string, string>, handlerFile: string): string | undefined {
  const base = normalise(handlerFile);
  return [base, ...SOURCE_EXTENSIONS.map((ext) => base + ext)].find((path) => path in files && !path.endsWith('.json'));
}

/**
 * Compiles the function in `dir`. `layers` are the folders the project binds as its layers, in binding order: their
 * files join the function's, by their paths from `dir`, and are what `/opt/` shows.
 */
export async function compileDirectory(dir: string, handlerFile: string, layers: string[] = []): Promise<CompileResult> {
  const files = readSourceTree(dir);
  const opt = layers.map((layer) => normalise(relative(dir, layer)));
  layers.forEach((layer, i) => {
    for (const [path, text] of Object.entries(readSourceTree(layer))) files[joinVirtual(opt[i] ?? '', path)] = text;
  });
  const entry = findEntry(files, handlerFile);
  if (entry === undefined) {
    const tried = SOURCE_EXTENSIONS.filter((ext) => ext !== '.json').map((ext) => handlerFile + ext).join(', ');
    return { ok: false, diagnostics: [{ file: handlerFile, line: 0, column: 0, message: `No handler file in ${dir}: tried ${tried}` }] };
  }
  const compiled = await compileFiles({ entry, files, ...(layers.length > 0 ? { opt } : {}) });
  return compiled.ok ? { ...compiled, bundle: withRealSourcePaths(compiled.bundle, dir) } : compiled;
}

export function formatDiagnostic(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}: ${d.message}` : `${d.file}: ${d.message}`;
}
