import { formatLogArgs } from './format.ts';
import { createMemoryFs, normalise } from './memory-fs.ts';

/**
 * Stand-ins for the Node modules and the `process` object a handler expects, for hosts that run the runtime
 * without Node (the browser playground's Web Workers). Node hosts pass the real ones instead.
 */
export interface SandboxModulesOptions {
  root: string;
  files: Record<string, string>;
  /** Called by process.exit(); the host ends the instance as a real runtime would. */
  onExit(code: number): void;
}

export class ProcessExit extends Error {
  readonly code: number;

  constructor(code: number) {
    super(`process.exit(${code}) called`);
    this.name = 'ProcessExit';
    this.code = code;
  }
}

export function createSandboxModules(options: SandboxModulesOptions) {
  const fs = createMemoryFs({ root: options.root, files: options.files });
  const started = performanceNow();
  const process = {
    env: {} as Record<string, string | undefined>,
    argv: ['/var/lang/bin/node', `${options.root}/index.js`],
    platform: 'linux',
    arch: 'x64',
    version: 'v22.0.0',
    versions: { node: '22.0.0' },
    pid: 1,
    cwd: () => options.root,
    uptime: () => (performanceNow() - started) / 1000,
    hrtime: Object.assign(
      (previous?: [number, number]) => {
        const ns = BigInt(Math.round(performanceNow() * 1e6));
        const now: [number, number] = [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
        if (!previous) return now;
        const diff = (now[0] - previous[0]) * 1e9 + (now[1] - previous[1]);
        return [Math.floor(diff / 1e9), diff % 1e9];
      },
      { bigint: () => BigInt(Math.round(performanceNow() * 1e6)) },
    ),
    nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
    exit: (code = 0): never => {
      options.onExit(code);
      // Stops the caller's code here, as exiting would.
      throw new ProcessExit(code);
    },
    on: () => process,
    once: () => process,
    off: () => process,
  };
  const modules: Record<string, unknown> = {
    fs,
    'fs/promises': fs.promises,
    path: posixPath(options.root),
    util: { format: (...args: unknown[]) => formatLogArgs(args), inspect: (value: unknown) => formatLogArgs([value]) },
    crypto: { randomUUID: () => globalThis.crypto.randomUUID() },
    process,
  };
  const resolve = (specifier: string): string => {
    const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (name in modules) return specifier;
    const error = new Error(`Cannot find module '${specifier}': the browser playground provides ${Object.keys(modules).join(', ')}; run the function with the hello-serverless CLI to use other modules`) as Error & { code: string };
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  };
  const require = (specifier: string): unknown => modules[resolve(specifier).replace(/^node:/, '')];
  return { fs, process, require, resolve };
}

function posixPath(root: string) {
  const basename = (path: string, ext?: string): string => {
    const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
    return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
  };
  const path = {
    sep: '/',
    delimiter: ':',
    join: (...parts: string[]) => {
      const joined = parts.filter((p) => p !== '').join('/');
      const normal = normalise(joined);
      return joined.startsWith('/') ? normal : normal.slice(1) || '.';
    },
    resolve: (...parts: string[]) => parts.reduce((at, part) => (part.startsWith('/') ? normalise(part) : normalise(`${at}/${part}`)), root),
    normalize: (p: string) => (p.startsWith('/') ? normalise(p) : normalise(p).slice(1) || '.'),
    isAbsolute: (p: string) => p.startsWith('/'),
    dirname: (p: string) => {
      const at = p.replace(/\/+$/, '').lastIndexOf('/');
      return at < 0 ? '.' : at === 0 ? '/' : p.slice(0, at);
    },
    basename,
    extname: (p: string) => {
      const base = basename(p);
      const at = base.lastIndexOf('.');
      return at <= 0 ? '' : base.slice(at);
    },
  };
  return { ...path, posix: path };
}

function performanceNow(): number {
  return globalThis.performance.now();
}
