/**
 * A small in-memory file system for hosts without a real one (the browser). The function's own files are
 * read-only under its root, as /var/task is on Lambda and /var/user on SCF; `/tmp` is writable scratch that lives
 * as long as the instance. Covers the calls handlers commonly make (sync, promise and callback styles).
 */
export interface MemoryFsOptions {
  root: string;
  files: Record<string, string>;
}

type Entry = { kind: 'file'; data: Uint8Array; writable: boolean } | { kind: 'dir'; writable: boolean };
type Encoding = string | { encoding?: string | null } | null | undefined;
type Data = string | Uint8Array;

export class FsError extends Error {
  readonly code: string;
  readonly path: string;

  constructor(code: string, syscall: string, path: string) {
    super(`${code}: ${DESCRIPTIONS[code] ?? 'error'}, ${syscall} '${path}'`);
    this.code = code;
    this.path = path;
  }
}

const DESCRIPTIONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EROFS: 'read-only file system',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file already exists',
  ENOTEMPTY: 'directory not empty',
};

export function createMemoryFs(options: MemoryFsOptions) {
  const entries = new Map<string, Entry>();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const root = normalise(options.root);

  const addDirs = (path: string, writable: boolean): void => {
    for (let dir = parent(path); dir !== '/' && !entries.has(dir); dir = parent(dir)) entries.set(dir, { kind: 'dir', writable });
  };
  entries.set('/', { kind: 'dir', writable: false });
  entries.set('/tmp', { kind: 'dir', writable: true });
  entries.set(root, { kind: 'dir', writable: false });
  addDirs(root, false);
  for (const [path, text] of Object.entries(options.files)) {
    const full = normalise(`${root}/${path}`);
    addDirs(full, false);
    entries.set(full, { kind: 'file', data: encoder.encode(text), writable: false });
  }

  const resolvePath = (path: unknown): string => {
    const text = path instanceof URL ? decodeURIComponent(path.pathname) : String(path);
    return normalise(text.startsWith('/') ? text : `${root}/${text}`);
  };
  const encodingOf = (option: Encoding): string | null => (typeof option === 'string' ? option : option?.encoding ?? null);
  const canWrite = (path: string): boolean => path === '/tmp' || path.startsWith('/tmp/');

  const readFileSync = (path: unknown, option?: Encoding): Data => {
    const full = resolvePath(path);
    const entry = entries.get(full);
    if (!entry) throw new FsError('ENOENT', 'open', full);
    if (entry.kind === 'dir') throw new FsError('EISDIR', 'read', full);
    return encodingOf(option) ? decoder.decode(entry.data) : entry.data.slice();
  };
  const writeFileSync = (path: unknown, data: Data, _option?: Encoding, append = false): void => {
    const full = resolvePath(path);
    if (!canWrite(full)) throw new FsError('EROFS', 'open', full);
    const dir = entries.get(parent(full));
    if (!dir) throw new FsError('ENOENT', 'open', full);
    if (dir.kind !== 'dir') throw new FsError('ENOTDIR', 'open', full);
    const existing = entries.get(full);
    if (existing?.kind === 'dir') throw new FsError('EISDIR', 'open', full);
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const before = append && existing?.kind === 'file' ? existing.data : new Uint8Array();
    const joined = new Uint8Array(before.length + bytes.length);
    joined.set(before);
    joined.set(bytes, before.length);
    entries.set(full, { kind: 'file', data: joined, writable: true });
  };
  const appendFileSync = (path: unknown, data: Data, option?: Encoding): void => writeFileSync(path, data, option, true);
  const existsSync = (path: unknown): boolean => entries.has(resolvePath(path));
  const mkdirSync = (path: unknown, option?: { recursive?: boolean }): void => {
    const full = resolvePath(path);
    if (!canWrite(full)) throw new FsError('EROFS', 'mkdir', full);
    if (entries.has(full)) {
      if (option?.recursive) return;
      throw new FsError('EEXIST', 'mkdir', full);
    }
    if (!entries.has(parent(full))) {
      if (!option?.recursive) throw new FsError('ENOENT', 'mkdir', full);
      mkdirSync(parent(full), option);
    }
    entries.set(full, { kind: 'dir', writable: true });
  };
  const readdirSync = (path: unknown): string[] => {
    const full = resolvePath(path);
    const entry = entries.get(full);
    if (!entry) throw new FsError('ENOENT', 'scandir', full);
    if (entry.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', full);
    const prefix = full === '/' ? '/' : `${full}/`;
    return [...entries.keys()].filter((p) => p.startsWith(prefix) && p !== full && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length)).sort();
  };
  const statSync = (path: unknown) => {
    const full = resolvePath(path);
    const entry = entries.get(full);
    if (!entry) throw new FsError('ENOENT', 'stat', full);
    return { size: entry.kind === 'file' ? entry.data.length : 0, isFile: () => entry.kind === 'file', isDirectory: () => entry.kind === 'dir' };
  };
  const rmSync = (path: unknown, option?: { recursive?: boolean; force?: boolean }): void => {
    const full = resolvePath(path);
    const entry = entries.get(full);
    if (!entry) {
      if (option?.force) return;
      throw new FsError('ENOENT', 'rm', full);
    }
    if (!canWrite(full) || full === '/tmp') throw new FsError('EROFS', 'rm', full);
    const children = [...entries.keys()].filter((p) => p.startsWith(`${full}/`));
    if (entry.kind === 'dir' && children.length > 0 && !option?.recursive) throw new FsError('ENOTEMPTY', 'rm', full);
    for (const child of children) entries.delete(child);
    entries.delete(full);
  };
  const unlinkSync = (path: unknown): void => {
    if (statSync(path).isDirectory()) throw new FsError('EISDIR', 'unlink', resolvePath(path));
    rmSync(path);
  };

  const sync = { readFileSync, writeFileSync: (p: unknown, d: Data, o?: Encoding) => writeFileSync(p, d, o), appendFileSync, existsSync, mkdirSync, readdirSync, statSync, rmSync, unlinkSync };
  const promised = <A extends unknown[], R>(fn: (...args: A) => R) => async (...args: A): Promise<R> => fn(...args);
  const promises = {
    readFile: promised(readFileSync),
    writeFile: promised(sync.writeFileSync),
    appendFile: promised(appendFileSync),
    mkdir: promised(mkdirSync),
    readdir: promised(readdirSync),
    stat: promised(statSync),
    rm: promised(rmSync),
    unlink: promised(unlinkSync),
    access: promised((path: unknown) => void statSync(path)),
  };
  /** Node-style callback versions: the last argument is the callback, called on a later turn. */
  const callbackStyle = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: unknown[]): void => {
    const callback = args.pop() as (error: unknown, value?: R) => void;
    queueMicrotask(() => {
      try {
        callback(null, fn(...(args as A)));
      } catch (error) {
        callback(error);
      }
    });
  };
  return {
    ...sync,
    promises,
    readFile: callbackStyle(readFileSync),
    writeFile: callbackStyle(sync.writeFileSync),
    appendFile: callbackStyle(appendFileSync),
    mkdir: callbackStyle(mkdirSync),
    readdir: callbackStyle(readdirSync),
    stat: callbackStyle(statSync),
    unlink: callbackStyle(unlinkSync),
    rm: callbackStyle(rmSync),
    exists: (path: unknown, callback: (exists: boolean) => void) => queueMicrotask(() => callback(existsSync(path))),
  };
}

export type MemoryFs = ReturnType<typeof createMemoryFs>;

export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function parent(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}
