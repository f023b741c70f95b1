import type { Project } from '../../project/project.ts';
import { Autosave } from './autosave.ts';
import type { SavedProject } from './library-schema.ts';
import type { KeyValueStorage } from './key-value-storage.ts';
import { ProjectLibrary } from './project-library.ts';
import { persistenceMessages } from './persistence-messages.ts';

// Compression (fflate) and YAML are loaded when a link is made or opened, or a zip made, not with the page.
const shareLink = () => import('./share-link.ts');
const projectZip = () => import('../../project/project-zip.ts');

/**
 * Everything the playground keeps or hands out: its several projects (autosaved), share links and the deployable
 * zip. Calls that change which project is open first save `edited` (the open project as the page shows it now).
 */
export interface ProjectStore {
  /** The open project: a shared one from the URL (as a new project), else the last one open, else `template`. */
  restore(template: Project): Promise<{ project: Project; message?: string }>;
  /** Saves after a quiet moment (call on every change). */
  save(project: Project): void;
  /** Saves now (call before each run). */
  flush(project: Project): Promise<void>;
  /** A link that opens this project (never runs it), or why there is none. */
  share(project: Project): Promise<{ ok: true; url: string } | { ok: false; message: string }>;
  /** Compiles the project and downloads it as a zip that deploys. */
  download(project: Project): Promise<void>;
  /** The kept projects, most recently edited first, and the open one. */
  projects(): { list: readonly SavedProject[]; current: string };
  /** Opens another kept project; undefined when it is gone. */
  open(id: string, edited: Project): Project | undefined;
  /** Keeps `project` as a new project (named in the page's language) and opens it. */
  create(project: Project, edited: Project): Project;
  /** False when the name is empty. */
  rename(id: string, name: string): boolean;
  duplicate(id: string, edited: Project): void;
  /** Forgets a project. When it was the open one, returns the project opened instead (`template` when none is left). */
  remove(id: string, edited: Project, template: Project): Project | undefined;
}

export interface ProjectStoreOptions {
  /** The page's language ("en", "zh-cn"): messages and default names are written in it. */
  locale?: string;
  /** Told about problems that happen outside a call's answer: a refused save, a failed download. */
  onProblem?(message: string): void;
  /** Defaults to the window's localStorage. */
  storage?: KeyValueStorage;
}

/**
 * The browser's ProjectStore. Opening a share link reads its data and nothing more: the link's project is kept
 * as a new project beside the others (never in place of one), and the hash is removed from the address so a
 * reload keeps later edits.
 */
export async function openProjectStore(options: ProjectStoreOptions = {}): Promise<ProjectStore> {
  const t = persistenceMessages(options.locale ?? document.documentElement.lang ?? 'en');
  const problem = options.onProblem ?? (() => undefined);
  const opened = ProjectLibrary.open(options.storage ?? window.localStorage, { firstName: t.firstProjectName });
  const library = opened.library;
  /** Storage lags the library (a refused write, or a project added by a save): the next save writes even if nothing changed since. */
  let unwritten = false;
  const write = () => {
    const failure = library.write();
    unwritten = failure !== undefined;
    if (failure) problem(t.saveFailed(failure));
  };
  // Each save names its project, so a save still waiting when another project is opened lands where it belongs.
  // Storage is written only when the content changed: a run of unchanged code costs no write.
  const autosave = new Autosave<{ id: string; project: Project }>(({ id, project }) => {
    if (library.update(id, project) || unwritten) write();
  });
  // A save before anything was restored (an empty library) keeps the project as the first one, which storage lacks.
  const openId = (project: Project) => {
    const current = library.current();
    if (current) return current.id;
    unwritten = true;
    return library.add(t.firstProjectName, project).id;
  };
  const keep = (project: Project) => autosave.flush({ id: openId(project), project });
  const nextName = () => {
    const names = new Set(library.list().map((saved) => saved.name));
    let count = library.list().length + 1;
    while (names.has(t.newProjectName(count))) count += 1;
    return t.newProjectName(count);
  };
  window.addEventListener('pagehide', () => autosave.flush());

  return {
    async restore(template) {
      const messages = opened.problems.map((found) => t.corruptSave(found.problem, found.keptUnder));
      const shared = location.hash.length > 1 ? (await shareLink()).decodeShareHash(location.hash) : undefined;
      if (shared) history.replaceState(history.state, '', location.pathname + location.search);
      const previous = library.current();
      if (shared?.ok) {
        const kept = library.find(shared.value);
        if (kept) {
          library.select(kept.id);
          messages.push(t.sharedAlreadyKept(kept.name));
        } else {
          const added = library.add(shared.name ?? t.sharedProjectName, shared.value);
          messages.push(t.sharedOpened(added.name, previous?.name));
        }
      } else if (shared) {
        messages.push(t.brokenLink(shared.problem, previous ? 'saved' : 'template'));
      }
      // Opening the page writes only what it changed: a shared project kept or opened, the first project, or a
      // library cleaned of what could not be read (so the next visit does not report it again).
      const current = previous && !shared?.ok ? previous : (library.current() ?? library.add(t.firstProjectName, template));
      if (current !== previous || opened.problems.length > 0) write();
      return messages.length > 0 ? { project: current.project, message: messages.join(' ') } : { project: current.project };
    },
    save(project) {
      autosave.schedule({ id: openId(project), project });
    },
    async flush(project) {
      keep(project);
    },
    projects() {
      return { list: library.list(), current: library.current()?.id ?? '' };
    },
    open(id, edited) {
      keep(edited);
      const saved = library.select(id);
      write();
      return saved?.project;
    },
    create(project, edited) {
      keep(edited);
      const added = library.add(nextName(), project);
      write();
      return added.project;
    },
    rename(id, name) {
      const renamed = library.rename(id, name);
      if (renamed) write();
      return renamed;
    },
    duplicate(id, edited) {
      keep(edited);
      const original = library.get(id);
      if (original) library.duplicate(id, t.copyName(original.name));
      write();
    },
    remove(id, edited, template) {
      const wasOpen = library.current()?.id === id;
      keep(edited);
      library.remove(id);
      const now = library.current() ?? library.add(t.firstProjectName, template);
      write();
      return wasOpen ? now.project : undefined;
    },
    async share(project) {
      const encoded = (await shareLink()).encodeShareHash(project, library.current()?.name);
      if (!encoded.ok) return { ok: false, message: t.linkTooLarge(encoded.chars, encoded.limit) };
      return { ok: true, url: `${location.origin}${location.pathname}${encoded.hash}` };
    },
    async download(project) {
      try {
        const { browserCompiler } = await import('../../compiler/browser.ts');
        const compiled = await browserCompiler().compile({ entry: project.entry, files: project.files });
        if (!compiled.ok) {
          const first = compiled.diagnostics[0];
          problem(t.downloadFailed(first ? `${first.file}:${first.line}:${first.column} ${first.message}` : 'the code does not compile'));
          return;
        }
        const zip = (await projectZip()).projectZip(project, compiled);
        saveFile(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'hello-serverless-function.zip');
      } catch (error) {
        problem(t.downloadFailed(error instanceof Error ? error.message : String(error)));
      }
    },
  };
}

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
