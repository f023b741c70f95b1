import { ASYNC_MODULE_BANNER, EXPORTS_FUNCTION, MODULE_PATHS_FUNCTION } from '../compiler/bundle-contract.ts';

/**
 * Lines the module wrapper adds before the bundle: none, because debuggers map the evaluated script's positions
 * through the bundle's own source map, which knows nothing of a wrapper.
 */
export const WRAPPER_LINE_OFFSET = 0;

export interface ModuleScope {
  require(specifier: string): unknown;
  /** `require.resolve`: the path a specifier would load, or a MODULE_NOT_FOUND error. */
  resolve(specifier: string): string;
  /** The function's directory: each source file's `__dirname` and `import.meta.url` are under it. */
  root: string;
  process: unknown;
  /** The captured console, passed in so user code logs through it even where the global one is not replaced. */
  console: unknown;
}

export type Evaluate = (source: string) => unknown;

/** A source file's own paths, as Node gives them to a module. */
export interface ModulePaths {
  filename: string;
  dirname: string;
  url: string;
}

/**
 * Evaluates a bundle the way Node's module loader would: a function over exports, require, module, __filename
 * and __dirname (plus `process` and `console`, so the host's versions are the ones user code sees, and the
 * per-file paths the compiler asks for). Indirect eval runs it in the global scope, never in ours; `sourceURL`
 * names it in stack traces so they can be mapped back. A bundle with top-level `await` runs in an async wrapper and
 * its exports arrive when that settles: init includes the wait, as on Lambda.
 */
export function evaluateBundle(bundle: string, scope: ModuleScope, bundleFile: string, evaluate: Evaluate = indirectEval): { exports: unknown } | Promise<{ exports: unknown }> {
  const isAsync = bundle.startsWith(ASYNC_MODULE_BANNER);
  const params = `exports, require, module, __filename, __dirname, process, console, ${MODULE_PATHS_FUNCTION}, ${EXPORTS_FUNCTION}`;
  const source = `(${isAsync ? 'async ' : ''}function (${params}) {${bundle}\n})\n//# sourceURL=${bundleFile}`;
  const wrapper = evaluate(source) as (...args: unknown[]) => unknown;
  const entry = modulePaths(scope.root, 'index.js');
  const module = { exports: {} as unknown, id: '.', filename: entry.filename, loaded: false };
  const require = Object.assign((specifier: string) => scope.require(specifier), { main: module, cache: {}, resolve: (specifier: string) => scope.resolve(specifier) });
  const setExports = (value: unknown) => {
    module.exports = value;
  };
  const done = () => {
    module.loaded = true;
    return { exports: module.exports };
  };
  const returned = wrapper.call(module.exports, module.exports, require, module, entry.filename, entry.dirname, scope.process, scope.console, (path: string) => modulePaths(scope.root, path), setExports);
  return isAsync ? (returned as Promise<unknown>).then(done) : done();
}

/** `path` is relative to the root; a layer's file outside the function's folder starts with "..". */
export function modulePaths(root: string, path: string): ModulePaths {
  const parts: string[] = [];
  for (const part of `${root}/${path}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  const filename = `/${parts.join('/')}`;
  return { filename, dirname: filename.slice(0, filename.lastIndexOf('/')) || '/', url: `file://${encodeURI(filename).replace(/[?#]/g, encodeURIComponent)}` };
}

export function indirectEval(source: string): unknown {
  return (0, eval)(source);
}

/** Finds the handler: the named export, also under `default` when an ES module was bundled with a default export. */
export function findExport(moduleExports: unknown, name: string): unknown {
  if (typeof moduleExports !== 'object' && typeof moduleExports !== 'function') return undefined;
  if (moduleExports === null) return undefined;
  const direct = (moduleExports as Record<string, unknown>)[name];
  if (direct !== undefined) return direct;
  const fallback = (moduleExports as Record<string, unknown>).default;
  if (typeof fallback === 'object' && fallback !== null) return (fallback as Record<string, unknown>)[name];
  return undefined;
}

export function exportNames(moduleExports: unknown): string[] {
  if ((typeof moduleExports !== 'object' && typeof moduleExports !== 'function') || moduleExports === null) return [];
  return Object.keys(moduleExports).filter((key) => key !== '__esModule');
}
