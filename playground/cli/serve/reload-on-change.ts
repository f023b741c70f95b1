import { watch, type FSWatcher } from 'chokidar';
import type { LayerArtifact } from '../../compiler/browser-protocol.ts';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import type { AccessLog } from './access-log.ts';
import type { ServedFunctions } from './served-functions.ts';

export interface RunningWatch {
  stop(): Promise<void>;
}

/** Changes closer together than this are one edit (an editor's save often writes a file twice). */
const DEBOUNCE_MS = 100;

/**
 * serve --watch: when a file under a function's folder changes (node_modules and dot-folders aside), its code is
 * compiled again and, if it compiles to something new, deployed as the next version. The Platform ends the old
 * version's instances once they are idle, so the next request is a cold start on the new code. A compile error is
 * printed and the old version keeps serving. Resolves once every folder is watched.
 *
 * chokidar, not Node's `fs.watch(dir, { recursive: true })`: on Linux that one watches each file, so a file an editor
 * saves by renaming a new one over it (vim, sed -i, "safe write") is lost to it after the first such save.
 */
export async function reloadOnChange(functions: ServedFunctions, log: AccessLog): Promise<RunningWatch> {
  const roots = [...new Set(functions.all().map((f) => f.config.root))];
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const changes = new Map<string, Set<string>>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const reload = async (root: string, changed: string): Promise<void> => {
    for (const served of functions.all().filter((f) => f.config.root === root)) {
      const { config } = served;
      const compiled = await compileDirectory(root, config.handlerFile, config.layers.dirs);
      if (stopped) return;
      if (!compiled.ok) {
        const where = compiled.diagnostics.map((d) => `  ${formatDiagnostic({ ...d, file: shownPath(join(root, d.file)) })}\n`).join('');
        log.note(`[watch] ${changed} changed: ${config.functionName} does not compile; v${served.version} keeps serving\n${where.trimEnd()}`);
        continue;
      }
      if (compiled.bundle === served.compiled.bundle && sameLayer(compiled.layer, served.compiled.layer)) continue;
      const version = functions.deploy(config, compiled);
      log.note(`[watch] ${changed} changed: ${config.functionName} v${version} deployed; the next request is a cold start on it`);
    }
  };

  // One reload at a time per folder; a change during a reload schedules one more after it.
  const settle = (root: string, changed: string): void => {
    const previous = running.get(root) ?? Promise.resolve();
    const next = previous.then(() => reload(root, changed)).catch((error: unknown) => log.note(`[watch] reload failed: ${(error as Error).message}`));
    running.set(root, next);
  };

  for (const root of roots) {
    const watcher = watch(root, { ignoreInitial: true, ignored: (path) => ignored(relative(root, path)) });
    watcher.on('all', (_event, path) => {
      const name = relative(root, path);
      if (stopped || ignored(name)) return;
      const names = changes.get(root) ?? new Set<string>();
      names.add(name);
      changes.set(root, names);
      clearTimeout(timers.get(root));
      timers.set(root, setTimeout(() => {
        timers.delete(root);
        changes.delete(root);
        // An editor's or sed's temporary file is gone by now: name the files that are still there.
        const kept = [...names].filter((n) => n !== '' && existsSync(join(root, n)));
        settle(root, kept.length === 0 ? 'a file' : kept.join(', '));
      }, DEBOUNCE_MS));
    });
    watchers.push(watcher);
  }
  await Promise.all(watchers.map((watcher) => new Promise<void>((ready) => watcher.once('ready', () => ready()))));
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}

/** A path relative to the working directory when it is below it, else absolute. */
function shownPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') || isAbsolute(near) ? path : near;
}

function ignored(file: string): boolean {
  return file.split(/[\\/]/).some((part) => part === 'node_modules' || (part.startsWith('.') && part.length > 1));
}

/** A layer file changed: the function is deployed again with the new layer version, as the platform would. */
function sameLayer(a: LayerArtifact | undefined, b: LayerArtifact | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
