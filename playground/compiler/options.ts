import type { BuildOptions, Plugin } from 'esbuild';

/**
 * The one set of esbuild options used by esbuild (Node CLI) and esbuild-wasm (browser playground), so a function
 * compiles to the same bundle in both places.
 *
 * Sources are virtual files: paths relative to the function root ("index.ts", "lib/db.ts", "data.json").
 * Rules for what an `import`/`require` resolves to:
 * - relative specifiers ("./lib/db") resolve among the virtual files, trying the extensions below and index files;
 * - layers: the `layer/` folder is shared code, reachable from every function as `/opt/<path>` (where SCF and
 *   Lambda mount layers) or as the bare alias `layer/<path>`;
 * - Node built-ins ("fs", "node:path") stay external: the runtime's `require` supplies them (real modules in
 *   Node, small shims in the browser);
 * - any other bare specifier is an npm package: external too, so `require` resolves it at run time from the
 *   function's own node_modules when the host has one, and fails with "Cannot find module" when it does not.
 * The bundle is CommonJS (the runtime evaluates it with a module wrapper) with an inline source map that the
 * runtime uses to map error stacks back to the TypeScript sources.
 */
export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'] as const;

/** Where virtual files live inside esbuild's namespace; also the prefix of the paths in the source map. */
export const VIRTUAL_NAMESPACE = 'hello-serverless';

export interface FunctionSources {
  /** Path of the entry file relative to the function root, e.g. "index.ts". */
  entry: string;
  /** Every source file of the function, and of the `layer/` folder, by path relative to the root. */
  files: Record<string, string>;
}

export function buildOptions(sources: FunctionSources): BuildOptions {
  return {
    entryPoints: [normalise(sources.entry)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['main', 'module'],
    target: 'es2022',
    sourcemap: 'inline',
    sourcesContent: true,
    logLevel: 'silent',
    charset: 'utf8',
    // The bundle is evaluated inside a function wrapper, never as an ES module, so `import.meta` has no meaning.
    define: { 'import.meta.url': '"file:///var/user/index.js"' },
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false, preserveValueImports: false } },
    plugins: [virtualFilesPlugin(sources.files)],
  };
}

const LAYER_PREFIXES = ['/opt/', 'layer/'];

export function virtualFilesPlugin(files: Record<string, string>): Plugin {
  const table = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) table.set(normalise(path), text);

  return {
    name: 'hello-serverless-virtual-files',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const spec = args.path;
        if (args.kind === 'entry-point') return lookup(table, spec, spec);
        const layer = LAYER_PREFIXES.find((prefix) => spec.startsWith(prefix));
        if (layer) return lookup(table, `layer/${spec.slice(layer.length)}`, spec);
        if (spec.startsWith('./') || spec.startsWith('../')) {
          return lookup(table, join(dirname(args.importer), spec), spec);
        }
        if (spec.startsWith('/')) return lookup(table, spec.slice(1), spec);
        return { path: spec, external: true };
      });
      build.onLoad({ filter: /.*/, namespace: VIRTUAL_NAMESPACE }, (args) => {
        const text = table.get(args.path);
        if (text === undefined) return { errors: [{ text: `File not found: ${args.path}` }] };
        return { contents: text, loader: loaderFor(args.path), resolveDir: dirname(args.path) };
      });
    },
  };
}

function lookup(table: Map<string, string>, wanted: string, spec: string) {
  const base = normalise(wanted);
  const candidates = [base, ...SOURCE_EXTENSIONS.map((ext) => base + ext), ...SOURCE_EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  // TypeScript sources import siblings as "./x.js"; accept the .ts file behind such a specifier.
  if (/\.[mc]?js$/.test(base)) candidates.push(base.replace(/\.([mc]?)js$/, '.$1ts'));
  const found = candidates.find((candidate) => table.has(candidate));
  if (found === undefined) {
    return { errors: [{ text: `Cannot resolve "${spec}": no file ${base} (tried ${SOURCE_EXTENSIONS.join(', ')} and index files)` }] };
  }
  return { path: found, namespace: VIRTUAL_NAMESPACE };
}

function loaderFor(path: string): 'ts' | 'js' | 'json' {
  if (/\.[mc]?ts$/.test(path)) return 'ts';
  if (path.endsWith('.json')) return 'json';
  return 'js';
}

export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

function join(dir: string, spec: string): string {
  return dir === '' ? spec : `${dir}/${spec}`;
}
