import { watch } from 'chokidar';
import type { LayerArtifact } from '../../compiler/browser-protocol.ts';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import type { AccessLog } from './access-log.ts';
import type { ServedFunction, ServedFunctions } from './served-functions.ts';

export interface RunningWatch {
  stop(): Promise<void>;
}

/** Changes closer together than this are one edit (an editor's save often writes a file twice). */
const DEBOUNCE_MS = 100;

/**
 * serve --watch: when a file under a function's folder or one of its layers' folders changes (node_modules and
 * dot-folders aside), its code is compiled again and, if it compiles to something new, deployed as the next
 * version. The Platform ends the old version's instances once they are idle, so the next request is a cold start on
 * the new code. A compile error is printed and the old version keeps serving. Resolves once every folder is watched.
 *
 * chokidar, not Node's `fs.watch(dir, { recursive: true })`: on Linux that one watches each file, so a file an editor
 * saves by renaming a new one over it (vim, sed -i, "safe write") is lost to it after the first such save.
 */
export async function reloadOnChange(functions: ServedFunctions, log: AccessLog): Promise<RunningWatch> {
  const folders = [...new Set(functions.all().flatMap((f) => [f.config.root, ...f.config.layers.dirs].map((dir) => resolve(dir))))];
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reloads = Promise.resolve();
  let stopped = false;

  const reload = async (served: ServedFunction, paths: string[]): Promise<void> => {
    const { config } = served;
    // An editor's or sed's temporary file is gone by now: name the files that are still there.
    const kept = paths.filter((path) => existsSync(path)).map((path) => (inside(path, config.root) ? relative(config.root, path) : shownPath(path)));
    const what = kept.length === 0 ? 'a file' : kept.join(', ');
    const compiled = await compileDirectory(config.root, config.handlerFile, config.layers.dirs);
    if (stopped) return;
    if (!compiled.ok) {
      const where = compiled.diagnostics.map((d) => `  ${formatDiagnostic({ ...d, file: shownPath(join(config.root, d.file)) })}\n`).join('');
      log.note(`[watch] ${what} changed: ${config.functionName} does not compile; v${served.version} keeps serving\n${where.trimEnd()}`);
      return;
    }
    if (compiled.bundle === served.compiled.bundle && sameLayer(compiled.layer, served.compiled.layer)) return;
    const version = functions.deploy(config, compiled);
    log.note(`[watch] ${what} changed: ${config.functionName} v${version} deployed; the next request is a cold start on it`);
  };

  // One reload at a time; a change during a reload schedules one more after it.
  const settle = (paths: string[]): void => {
    reloads = reloads
      .then(async () => {
        for (const served of functions.all()) {
          const mine = paths.filter((path) => [served.config.root, ...served.config.layers.dirs].some((dir) => inside(path, dir)));
          if (mine.length > 0) await reload(served, mine);
        }
      })
      .catch((error: unknown) => log.note(`[watch] reload failed: ${(error as Error).message}`));
  };

  const watcher = watch(folders, { ignoreInitial: true, ignored: (path) => ignored(path, folders) });
  watcher.on('all', (_event, path) => {
    if (stopped) return;
    changed.add(resolve(path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed];
      changed.clear();
      settle(paths);
    }, DEBOUNCE_MS);
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** A path relative to the working directory when it is below it, else absolute. */
function shownPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') || isAbsolute(near) ? path : near;
}

function inside(path: string, dir: string): boolean {
  const below = relative(resolve(dir), path);
  return !below.startsWith('..') && !isAbsolute(below);
}

/** Below a watched folder, anything in node_modules or a dot-folder (and dot-files: editors' swap files) is not code. */
function ignored(path: string, folders: string[]): boolean {
  const full = resolve(path);
  const folder = folders.find((dir) => inside(full, dir));
  if (folder === undefined) return false;
  return relative(folder, full).split(/[\\/]/).some((part) => part === 'node_modules' || (part.startsWith('.') && part.length > 1));
}

/** A layer file changed: the function is deployed again with the new layer version, as the platform would. */
function sameLayer(a: LayerArtifact | undefined, b: LayerArtifact | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
