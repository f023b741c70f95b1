import type { BuildOptions } from 'esbuild';
import { authorColumn } from './bundle-contract.ts';
import { buildOptions, layerFiles, layerModuleOptions, VIRTUAL_NAMESPACE } from './options.ts';
import type { BundleFormat, FunctionSources } from './options.ts';
import type { CompileResult, Diagnostic, LayerArtifact } from './browser-protocol.ts';

/** What esbuild and esbuild-wasm have in common: enough of `build` and its messages for a function's compile. */
interface BuildMessage {
  text: string;
  location: { file: string; line: number; column: number; lineText?: string } | null;
}
export type Build = (options: BuildOptions) => Promise<BuildOutput>;
interface BuildOutput {
  outputFiles?: { text: string }[];
  warnings: BuildMessage[];
}
/** Builds the function's bundle: by default a fresh build with `buildOptions`; build-contexts.ts keeps contexts instead. */
export type BundleBuild = (sources: FunctionSources, format: BundleFormat) => Promise<BuildOutput>;

const TOP_LEVEL_AWAIT = /Top-level await is currently not supported with the "cjs" output format/;

/**
 * Compiles a function with either esbuild: as CommonJS, or, when its code awaits at the top level (which only
 * ES modules may), once more as an async module. Both hosts compile through here, so they agree on the bundle.
 */
export async function compileWith(build: Build, sources: FunctionSources, bundle: BundleBuild = (from, format) => build(buildOptions(from, format))): Promise<CompileResult> {
  const first = await attempt(bundle, sources, 'cjs');
  const compiled = first.ok || !first.diagnostics.some((d) => TOP_LEVEL_AWAIT.test(d.message)) ? first : await attempt(bundle, sources, 'async-module');
  if (!compiled.ok) return compiled;
  const files = layerFiles(sources);
  if (Object.keys(files).length === 0) return compiled;
  const layer = await compileLayer(build, files);
  return layer.ok ? { ...compiled, layer: layer.modules } : layer;
}

/**
 * Compiles every source file of the layers on its own, as the layer's artifact: what `/opt` holds on the platform.
 * A TypeScript file becomes the `.js` file Node would load (`pricing.ts` → `pricing.js`); JSON stays a module too.
 */
async function compileLayer(build: Build, files: Record<string, string>): Promise<{ ok: true; modules: LayerArtifact } | { ok: false; diagnostics: Diagnostic[] }> {
  const layer: LayerArtifact = {};
  const diagnostics: Diagnostic[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.d.ts')) continue;
    try {
      const output = (await build(layerModuleOptions(path, text))).outputFiles?.[0]?.text ?? '';
      layer[path.replace(/\.([mc]?)ts$/, '.$1js')] = output;
    } catch (error) {
      const failure = error as { errors?: unknown };
      if (!Array.isArray(failure.errors)) throw error;
      diagnostics.push(...(failure.errors as BuildMessage[]).map(toDiagnostic));
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, modules: layer };
}

async function attempt(build: BundleBuild, sources: FunctionSources, format: BundleFormat): Promise<CompileResult> {
  try {
    const result = await build(sources, format);
    const bundle = result.outputFiles?.[0]?.text;
    if (bundle === undefined) return { ok: false, diagnostics: [{ file: sources.entry, line: 0, column: 0, message: 'esbuild produced no output' }] };
    return { ok: true, bundle, warnings: result.warnings.map(toDiagnostic) };
  } catch (error) {
    const failure = error as { errors?: unknown };
    if (Array.isArray(failure.errors)) return { ok: false, diagnostics: (failure.errors as BuildMessage[]).map(toDiagnostic) };
    throw error;
  }
}

function toDiagnostic(message: BuildMessage): Diagnostic {
  const location = message.location;
  const file = location?.file.replace(`${VIRTUAL_NAMESPACE}:`, '') ?? '';
  const column = (location?.column ?? 0) + 1;
  return { file, line: location?.line ?? 0, column: location?.lineText === undefined ? column : authorColumn(location.lineText, column), message: message.text };
}
