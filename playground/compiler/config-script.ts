import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { aliasCandidates, readFunctionTsconfig } from './tsconfig.ts';

/**
 * Runs a Serverless Framework `serverless.ts` / `serverless.js` to get the configuration object it exports, as
 * the Framework does before reading it. Each project file is compiled on its own and loaded as a CommonJS module
 * with its real `__filename` and `__dirname` (the TypeScript template builds handler paths from them), with the
 * project folder as `process.cwd()` and the tsconfig's `paths` aliases (`@functions/*`, `@libs/*`) resolved;
 * packages come from the project's node_modules. Synchronous, because reading a project is.
 */
export class ConfigScriptError extends Error {
  override name = 'ConfigScriptError';
}

const EXTENSIONS = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '/index.ts', '/index.js'];

export function evaluateConfigScript(path: string): unknown {
  const root = dirname(path);
  const tsconfig = readFunctionTsconfig(filesIn(root));
  const cache = new Map<string, { exports: unknown }>();
  const cwdProcess = new Proxy(process, { get: (target, key) => (key === 'cwd' ? () => root : Reflect.get(target, key)) });

  const find = (base: string): string | undefined => EXTENSIONS.map((ext) => base + ext).find((p) => existsSync(p) && statSync(p).isFile());

  const load = (file: string): unknown => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(file, module);
    if (file.endsWith('.json')) {
      module.exports = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return module.exports;
    }
    const fromPackages = createRequire(file);
    const requireHere = (specifier: string): unknown => {
      const local = specifier.startsWith('.') ? find(join(dirname(file), specifier)) : undefined;
      if (local !== undefined) return load(local);
      const aliased = tsconfig && !specifier.startsWith('.') ? aliasCandidates(tsconfig, specifier).map((c) => find(join(root, c))).find((p) => p !== undefined) : undefined;
      if (aliased !== undefined) return load(aliased);
      return fromPackages(specifier);
    };
    let code: string;
    try {
      code = transformSync(readFileSync(file, 'utf8'), {
        loader: /\.[mc]?ts$/.test(file) ? 'ts' : 'js',
        format: 'cjs',
        platform: 'node',
        target: 'node22',
        sourcefile: relative(root, file),
        tsconfigRaw: { compilerOptions: { ...tsconfig?.compilerOptions, verbatimModuleSyntax: false } },
      }).code;
    } catch (error) {
      throw new ConfigScriptError(`${relative(root, file)} does not compile: ${(error as Error).message}`);
    }
    // The project's own configuration script, run as the Framework runs it.
    const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', 'process', code) as (...args: unknown[]) => void;
    wrapper(module.exports, Object.assign(requireHere, { resolve: (s: string) => fromPackages.resolve(s) }), module, file, dirname(file), cwdProcess);
    return module.exports;
  };

  let exported: unknown;
  try {
    exported = load(path);
  } catch (error) {
    if (error instanceof ConfigScriptError) throw error;
    throw new ConfigScriptError(`${relative(root, path) || path} failed while building the configuration: ${error instanceof Error ? error.message : String(error)}`);
  }
  const value = isModuleWithDefault(exported) ? exported.default : exported;
  if (typeof (value as { then?: unknown } | null)?.then === 'function') {
    throw new ConfigScriptError(`${relative(root, path)} exports a promise; hello-serverless reads a configuration object (export the object itself)`);
  }
  return value;
}

/** The files of a folder by relative path, read when asked for: what the tsconfig reader needs of a real folder. */
export function filesIn(dir: string): Record<string, string> {
  return new Proxy({}, { get: (_, name) => (typeof name === 'string' && existsSync(join(dir, name)) && statSync(join(dir, name)).isFile() ? readFileSync(join(dir, name), 'utf8') : undefined) });
}

function isModuleWithDefault(value: unknown): value is { default: unknown } {
  return typeof value === 'object' && value !== null && 'default' in value && (value as { __esModule?: unknown }).__esModule === true;
}
