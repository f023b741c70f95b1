import { modulePaths } from './module-loader.ts';
import type { Evaluate } from './module-loader.ts';

/** Where Lambda and SCF extract a function's layers. */
export const OPT_DIR = '/opt';

/**
 * A function's layers as one instance sees them: the layer artifact's modules mounted at `/opt`, loaded the way
 * Node loads files there (a module wrapper, one evaluation per instance, relative requires among the layer's
 * files), so a handler's require of `/opt/nodejs/pricing` reaches code that is not in its bundle. Anything else a
 * layer module requires (built-ins, packages) goes to the host's `require`.
 */
export interface LayerMount {
  /** The module for a `/opt/...` specifier, or undefined when the specifier is not under `/opt`. */
  require(specifier: string): { found: true; exports: unknown } | { found: false };
  resolve(specifier: string): string | undefined;
}

const EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.json', '/index.js', '/index.cjs', '/index.json'];

export function mountLayers(modules: Record<string, string>, hostRequire: (specifier: string) => unknown, scope: { process: unknown; console: unknown }, evaluate: Evaluate): LayerMount {
  const cache = new Map<string, { exports: unknown }>();

  const locate = (absolute: string): string | undefined => {
    const inside = normalisePath(absolute).slice(OPT_DIR.length + 1);
    const candidates = [...EXTENSIONS.map((ext) => inside + ext), inside.replace(/\.([mc]?)ts$/, '.$1js')];
    return candidates.find((candidate) => candidate !== '' && Object.hasOwn(modules, candidate));
  };

  const load = (path: string): unknown => {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const filename = `${OPT_DIR}/${path}`;
    const dirname = filename.slice(0, filename.lastIndexOf('/'));
    const module = { exports: {} as unknown, id: filename, filename, loaded: false };
    cache.set(path, module);
    const text = modules[path] ?? '';
    if (path.endsWith('.json')) {
      module.exports = JSON.parse(text);
    } else {
      const wrapper = evaluate(`(function (exports, require, module, __filename, __dirname, process, console) {${text}\n})\n//# sourceURL=${filename}`) as (...args: unknown[]) => unknown;
      const requireHere = Object.assign((specifier: string) => requireFrom(dirname, specifier), {
        resolve: (specifier: string) => resolveFrom(dirname, specifier) ?? notFound(specifier, modules, filename),
      });
      wrapper.call(module.exports, module.exports, requireHere, module, filename, dirname, scope.process, scope.console);
    }
    module.loaded = true;
    return module.exports;
  };

  const resolveFrom = (dir: string, specifier: string): string | undefined => {
    const absolute = specifier.startsWith('./') || specifier.startsWith('../') ? `${dir}/${specifier}` : specifier;
    if (!isUnderOpt(absolute)) return undefined;
    const path = locate(absolute);
    return path === undefined ? undefined : `${OPT_DIR}/${path}`;
  };

  const requireFrom = (dir: string, specifier: string): unknown => {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    const absolute = relative ? normalisePath(`${dir}/${specifier}`) : specifier;
    if (!isUnderOpt(absolute)) return hostRequire(specifier);
    const path = locate(absolute);
    return path === undefined ? notFound(specifier, modules, `${dir}/`) : load(path);
  };

  return {
    require(specifier) {
      if (!isUnderOpt(specifier)) return { found: false };
      const path = locate(specifier);
      return path === undefined ? notFound(specifier, modules) : { found: true, exports: load(path) };
    },
    resolve: (specifier) => (isUnderOpt(specifier) ? resolveFrom(OPT_DIR, specifier) : undefined),
  };
}

function isUnderOpt(path: string): boolean {
  return normalisePath(path).startsWith(`${OPT_DIR}/`);
}

function normalisePath(path: string): string {
  return modulePaths('', path).filename;
}

/**
 * Node's error for a missing module, so callers and the runtime treat it as one (Runtime.ImportModuleError in init),
 * naming a few of the files /opt does hold: a wrong folder in the path is the usual mistake.
 */
function notFound(specifier: string, modules: Record<string, string>, from?: string): never {
  const held = Object.keys(modules);
  const shown = held.slice(0, 5).map((path) => `${OPT_DIR}/${path}`).join(', ') + (held.length > 5 ? ', …' : '');
  const error = new Error(`Cannot find module '${specifier}'${from ? ` from '${from}'` : ''}: no such file in the layers mounted at ${OPT_DIR} (they hold ${shown})`) as Error & { code: string };
  error.code = 'MODULE_NOT_FOUND';
  throw error;
}
