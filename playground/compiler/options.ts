import type { BuildOptions, Plugin } from 'esbuild';
import { ASYNC_MODULE_BANNER, EXPORTS_FUNCTION, PATHS_VARIABLE, pathsDeclaration, VIRTUAL_NAMESPACE } from './bundle-contract.ts';
import { aliasCandidates, readFunctionTsconfig } from './tsconfig.ts';
import type { FunctionTsconfig } from './tsconfig.ts';
import { dirname, join, normalise } from './virtual-path.ts';

export { normalise } from './virtual-path.ts';
export { VIRTUAL_NAMESPACE } from './bundle-contract.ts';

/**
 * The one set of esbuild options used by esbuild (Node CLI) and esbuild-wasm (browser playground), so a function
 * compiles to the same bundle in both places.
 *
 * Sources are virtual files: paths relative to the function root ("index.ts", "lib/db.ts", "data.json").
 * Rules for what an `import`/`require` resolves to:
 * - relative specifiers ("./lib/db") resolve among the virtual files, trying the extensions below and index files;
 * - layers: `/opt/<path>` (where SCF and Lambda mount layers) stays OUT of the bundle, as on the platforms: the
 *   import is kept as `require("/opt/<path>")`, which the instance runtime answers from the layers mounted for that
 *   instance. When the function has layer folders, the compile checks that one of them has the file (the layers the
 *   project file binds, else the function's own `layer/` folder, also reachable as the bare alias `layer/<path>`);
 *   without any, the layer is one the platform binds and the require is answered at run time.
 *   Each layer file is compiled on its own (`layerModuleOptions`) into the layer's artifact;
 * - Node built-ins ("fs", "node:path") stay external: the runtime's `require` supplies them (real modules in
 *   Node, small shims in the browser);
 * - the function's tsconfig.json / jsconfig.json `paths` and `baseUrl` aliases resolve among the virtual files;
 * - any other bare specifier is an npm package: external too, so `require` resolves it at run time from the
 *   function's own node_modules when the host has one, and fails with "Cannot find module" when it does not.
 * The bundle is CommonJS (the runtime evaluates it with a module wrapper) with an inline source map that the
 * runtime uses to map error stacks back to the TypeScript sources. Each source file sees its own `__dirname`,
 * `__filename` and `import.meta.url`, as Node gives them: the bundle asks the runtime for them by the file's path.
 */
export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'] as const;

export interface FunctionSources {
  /** Path of the entry file relative to the function root, e.g. "index.ts". */
  entry: string;
  /** Every source file of the function and of its layers, by path relative to the root ("../layers/x/util.js"). */
  files: Record<string, string>;
  /** The layers' folders among `files`, in binding order: what `/opt/` shows. Without it, the `layer/` folder. */
  opt?: string[];
}

/** The folders of `sources` that are mounted at `/opt`, in binding order. */
export function layerFolders(sources: FunctionSources): string[] {
  return sources.opt ?? [LAYER_ALIAS.slice(0, -1)];
}

/**
 * The files that make up the layers' artifact: each layer file by its path under `/opt`, a later layer's file
 * replacing an earlier one's, as the platform extracts layers in turn. Empty when the function has no layer files.
 */
export function layerFiles(sources: FunctionSources): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of layerFolders(sources).map(normalise)) {
    const prefix = `${dir}/`;
    for (const [path, text] of Object.entries(sources.files)) {
      const normal = normalise(path);
      if (normal.startsWith(prefix)) out[normal.slice(prefix.length)] = text;
    }
  }
  return out;
}

/**
 * How the bundle hands over its exports. `cjs` is a script for a CommonJS module wrapper. `async-module` is for
 * code with top-level `await` (ES modules only, which Lambda's Node runtimes run during init): an ES module bundle
 * with no imports left, whose body the runtime runs inside an async wrapper and awaits before the instance is ready.
 */
export type BundleFormat = 'cjs' | 'async-module';

const ASYNC_ENTRY = '<async-module entry>';

export function buildOptions(sources: FunctionSources, format: BundleFormat = 'cjs'): BuildOptions {
  const tsconfig = readFunctionTsconfig(sources.files);
  const entry = normalise(sources.entry);
  return {
    entryPoints: [format === 'cjs' ? entry : ASYNC_ENTRY],
    bundle: true,
    write: false,
    format: format === 'cjs' ? 'cjs' : 'esm',
    ...(format === 'cjs' ? {} : { banner: { js: ASYNC_MODULE_BANNER } }),
    platform: 'neutral',
    mainFields: ['main', 'module'],
    target: 'es2022',
    sourcemap: 'inline',
    sourcesContent: true,
    logLevel: 'silent',
    charset: 'utf8',
    define: {
      __dirname: `${PATHS_VARIABLE}.dirname`,
      __filename: `${PATHS_VARIABLE}.filename`,
      'import.meta.url': `${PATHS_VARIABLE}.url`,
      'import.meta.dirname': `${PATHS_VARIABLE}.dirname`,
      'import.meta.filename': `${PATHS_VARIABLE}.filename`,
    },
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false, preserveValueImports: false, ...tsconfig?.compilerOptions } },
    // The plugin reads `sources.files` at each build's start, so a kept esbuild context rebuilds whatever they are then.
    plugins: [virtualFilesPlugin(() => sources.files, { tsconfig, ...(sources.opt ? { opt: sources.opt } : {}), ...(format === 'cjs' ? {} : { asyncEntry: entry }) })],
  };
}

/**
 * Options for one file of a layer, compiled on its own into a CommonJS module of the layer's artifact (the runtime
 * mounts these at `/opt`): its imports stay `require`s, resolved at run time among the layer's files, as Node
 * resolves them in a real `/opt`. Shared by both esbuilds, like the function's options.
 */
export function layerModuleOptions(path: string, text: string): BuildOptions {
  return {
    stdin: { contents: text, loader: loaderFor(path), sourcefile: `${OPT}${normalise(path)}` },
    bundle: false,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2022',
    sourcemap: 'inline',
    sourcesContent: true,
    logLevel: 'silent',
    charset: 'utf8',
  };
}

export const OPT = '/opt/';
const LAYER_ALIAS = 'layer/';

interface PluginOptions {
  tsconfig?: FunctionTsconfig | undefined;
  /** The folders `/opt/` shows, in binding order (see FunctionSources.opt). */
  opt?: string[];
  /** In `async-module` builds: the real entry, which a generated entry imports and hands to the runtime. */
  asyncEntry?: string;
}

/** Packages and built-ins, in `async-module` builds: a CommonJS stand-in that asks the runtime's `require`. */
const EXTERNAL_NAMESPACE = 'hello-serverless-external';

export function virtualFilesPlugin(files: () => Record<string, string>, options: PluginOptions = {}): Plugin {
  let table = new Map<string, string>();
  let hasLayerFiles = false;
  const { tsconfig, asyncEntry } = options;
  const optLastFirst = [...(options.opt ?? [LAYER_ALIAS.slice(0, -1)])].reverse();

  return {
    name: 'hello-serverless-virtual-files',
    setup(build) {
      build.onStart(() => {
        table = new Map(Object.entries(files()).map(([path, text]) => [normalise(path), text]));
        // Without a local layer folder, /opt is a layer the platform binds (by ARN, or a check's): found at run time.
        hasLayerFiles = [...table.keys()].some((path) => optLastFirst.some((dir) => path.startsWith(`${normalise(dir)}/`)));
        return { warnings: (tsconfig?.warnings ?? []).map((text) => ({ text, location: { file: `${VIRTUAL_NAMESPACE}:${tsconfig?.file ?? ''}` } })) };
      });
      build.onResolve({ filter: /.*/ }, (args) => {
        const spec = args.path;
        if (args.kind === 'entry-point') return spec === ASYNC_ENTRY ? { path: spec, namespace: VIRTUAL_NAMESPACE } : lookup(table, spec, spec);
        if (args.importer === ASYNC_ENTRY) return lookup(table, spec, spec);
        const layerPath = spec.startsWith(OPT) ? spec.slice(OPT.length) : spec.startsWith(LAYER_ALIAS) ? spec.slice(LAYER_ALIAS.length) : undefined;
        if (layerPath !== undefined) {
          const inLayer = optLastFirst.map((dir) => find(table, join(dir, layerPath))).find((found) => found !== undefined);
          if (inLayer === undefined && hasLayerFiles) return notFound(spec, optLastFirst.map((dir) => join(dir, layerPath)));
          if (asyncEntry !== undefined && args.kind !== 'require-call' && args.namespace !== EXTERNAL_NAMESPACE) return { path: OPT + layerPath, namespace: EXTERNAL_NAMESPACE };
          return { path: OPT + layerPath, external: true };
        }
        if (spec.startsWith('./') || spec.startsWith('../')) {
          return lookup(table, join(dirname(args.importer), spec), spec);
        }
        if (spec.startsWith('/')) return lookup(table, spec.slice(1), spec);
        const aliased = tsconfig ? aliasCandidates(tsconfig, spec).map((candidate) => find(table, candidate)).find((found) => found !== undefined) : undefined;
        if (aliased !== undefined) return { path: aliased, namespace: VIRTUAL_NAMESPACE };
        if (asyncEntry !== undefined && args.kind !== 'require-call' && args.namespace !== EXTERNAL_NAMESPACE) return { path: spec, namespace: EXTERNAL_NAMESPACE };
        return { path: spec, external: true };
      });
      build.onLoad({ filter: /.*/, namespace: EXTERNAL_NAMESPACE }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: VIRTUAL_NAMESPACE }, (args) => {
        if (args.path === ASYNC_ENTRY) {
          return { contents: `import * as handlerModule from ${JSON.stringify(asyncEntry ?? '')};\n${EXPORTS_FUNCTION}(handlerModule);`, loader: 'js' };
        }
        const text = table.get(args.path);
        if (text === undefined) return { errors: [{ text: `File not found: ${args.path}` }] };
        const loader = loaderFor(args.path);
        return { contents: loader === 'json' ? text : withModulePaths(args.path, text), loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * Gives a source file its own paths, on its first line so that no line number moves: after a hashbang line, and
 * after a "use strict" directive, which must stay first to keep its meaning. Unused, the call is dropped.
 */
function withModulePaths(path: string, text: string): string {
  const hashbang = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  if (hashbang === 0 && text.startsWith('#!')) return text;
  const directive = /^\s*(['"])use strict\1;?/.exec(text.slice(hashbang));
  const at = hashbang + (directive ? directive[0].length : 0);
  return text.slice(0, at) + pathsDeclaration(path) + text.slice(at);
}

function lookup(table: Map<string, string>, wanted: string, spec: string) {
  const found = find(table, wanted);
  return found === undefined ? notFound(spec, [wanted]) : { path: found, namespace: VIRTUAL_NAMESPACE };
}

function notFound(spec: string, wanted: string[]) {
  return { errors: [{ text: `Cannot resolve "${spec}": no file ${wanted.map(normalise).join(' or ')} (tried ${SOURCE_EXTENSIONS.join(', ')} and index files)` }] };
}

function find(table: Map<string, string>, wanted: string): string | undefined {
  const base = normalise(wanted);
  const candidates = [base, ...SOURCE_EXTENSIONS.map((ext) => base + ext), ...SOURCE_EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  // TypeScript sources import siblings as "./x.js"; accept the .ts file behind such a specifier.
  if (/\.[mc]?js$/.test(base)) candidates.push(base.replace(/\.([mc]?)js$/, '.$1ts'));
  return candidates.find((candidate) => table.has(candidate));
}

function loaderFor(path: string): 'ts' | 'js' | 'json' {
  if (/\.[mc]?ts$/.test(path)) return 'ts';
  if (path.endsWith('.json')) return 'json';
  return 'js';
}

