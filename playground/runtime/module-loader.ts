/**
 * Lines the module wrapper adds before the bundle: none, because debuggers map the evaluated script's positions
 * through the bundle's own source map, which knows nothing of a wrapper.
 */
export const WRAPPER_LINE_OFFSET = 0;

export interface ModuleScope {
  require(specifier: string): unknown;
  /** Absolute path of the bundle's file, e.g. /var/user/index.js. */
  filename: string;
  dirname: string;
  process: unknown;
  /** The captured console, passed in so user code logs through it even where the global one is not replaced. */
  console: unknown;
}

export type Evaluate = (source: string) => unknown;

/**
 * Evaluates a CommonJS bundle the way Node's module loader would: a function over exports, require, module,
 * __filename and __dirname (plus `process` and `console`, so the host's versions are the ones user code sees). Indirect eval
 * runs it in the global scope, never in ours; `sourceURL` names it in stack traces so they can be mapped back.
 */
export function evaluateBundle(bundle: string, scope: ModuleScope, bundleFile: string, evaluate: Evaluate = indirectEval): unknown {
  const source = `(function (exports, require, module, __filename, __dirname, process, console) {${bundle}\n})\n//# sourceURL=${bundleFile}`;
  const wrapper = evaluate(source) as (...args: unknown[]) => void;
  const module = { exports: {} as unknown, id: '.', filename: scope.filename, loaded: false };
  const require = Object.assign((specifier: string) => scope.require(specifier), { main: module, cache: {} });
  wrapper.call(module.exports, module.exports, require, module, scope.filename, scope.dirname, scope.process, scope.console);
  module.loaded = true;
  return module.exports;
}

function indirectEval(source: string): unknown {
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
