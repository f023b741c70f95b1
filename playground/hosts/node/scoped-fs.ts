import * as fs from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Functions whose first two arguments are both paths. */
const TWO_PATHS = new Set(['rename', 'renameSync', 'copyFile', 'copyFileSync', 'link', 'linkSync', 'symlink', 'symlinkSync', 'cp', 'cpSync']);

/**
 * `fs` as the function sees it: every path under `/tmp` lands in this instance's own scratch directory, so
 * `/tmp` survives warm invocations and is empty for a new instance, as on Lambda and SCF, without sharing the
 * machine's real /tmp between instances. Relative paths start at the function's root, the working directory
 * of a real function (a worker thread cannot chdir).
 */
export function scopedFs(tmpDir: string, functionRootPath: string): { fs: typeof fs; promises: typeof fs.promises } {
  // "/fn/" and "/fn" name the same root; compare without the trailing slash.
  const functionRoot = functionRootPath.replace(/(.)\/+$/, '$1');
  // The scratch directory and the function itself may live under the machine's /tmp: leave their real paths alone.
  const isOwn = (path: string): boolean => path.startsWith(`${tmpDir}/`) || path === tmpDir || path.startsWith(`${functionRoot}/`) || path === functionRoot;
  const rewrite = (path: unknown): unknown => {
    if (typeof path === 'string' && (path === '/tmp' || path.startsWith('/tmp/')) && !isOwn(path)) return tmpDir + path.slice(4);
    if (typeof path === 'string' && path !== '' && !isAbsolute(path)) return join(functionRoot, path);
    if (path instanceof URL && path.protocol === 'file:' && (path.pathname === '/tmp' || path.pathname.startsWith('/tmp/')) && !isOwn(decodeURIComponent(path.pathname))) {
      return tmpDir + decodeURIComponent(path.pathname.slice(4));
    }
    return path;
  };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver) as unknown;
        if (typeof value !== 'function' || typeof key !== 'string' || /^[A-Z]/.test(key)) return value;
        const paths = TWO_PATHS.has(key) ? 2 : 1;
        return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(object, args.map((arg, i) => (i < paths ? rewrite(arg) : arg)));
      },
    });
  const promises = wrap(fs.promises);
  const scoped = wrap(fs);
  return { fs: new Proxy(scoped, { get: (object, key, receiver) => (key === 'promises' ? promises : Reflect.get(object, key, receiver)) }), promises };
}
