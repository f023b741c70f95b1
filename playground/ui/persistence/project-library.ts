import type { Project } from '../../project/project.ts';
import { checkLibrary, cleanName, type LibraryData, type SavedProject } from './library-schema.ts';
import type { KeyValueStorage } from './key-value-storage.ts';
import { checkProject, type Checked } from './project-schema.ts';

export const LIBRARY_KEY = 'hello-serverless:projects:v2';
/** Where the playground kept its one project before it kept several; read once, moved into the library. */
export const SINGLE_PROJECT_KEY = 'hello-serverless:project:v1';
/** Unreadable saves are moved under this prefix (and the time), so a person can still recover their code by hand. */
export const UNREADABLE_PREFIX = 'hello-serverless:unreadable:';

/** Something in storage could not be read; its text was kept under `keptUnder`. */
export interface LibraryProblem {
  problem: string;
  keptUnder: string | undefined;
}

export interface LibraryOptions {
  /** The name the project saved by the one-project playground gets in the list. */
  firstName: string;
  now?: () => number;
  newId?: () => string;
}

/**
 * The projects kept in this browser (localStorage: a project is a few kilobytes of text, and a synchronous write
 * still finishes in `pagehide`). Changes are made in memory and stored by `write()`, which merges what another
 * tab stored meanwhile, so two open playgrounds do not erase each other's new projects.
 */
export class ProjectLibrary {
  readonly #storage: KeyValueStorage;
  readonly #now: () => number;
  readonly #newId: () => string;
  #data: LibraryData;
  readonly #removed = new Set<string>();

  private constructor(storage: KeyValueStorage, data: LibraryData, now: () => number, newId: () => string) {
    this.#storage = storage;
    this.#data = data;
    this.#now = now;
    this.#newId = newId;
  }

  /** Reads the library, moving the one-project save into it; anything unreadable is set aside and reported. */
  static open(storage: KeyValueStorage, options: LibraryOptions): { library: ProjectLibrary; problems: LibraryProblem[] } {
    const now = options.now ?? Date.now;
    const newId = options.newId ?? (() => crypto.randomUUID());
    const problems: LibraryProblem[] = [];
    const setAside = (key: string, text: string, problem: string) => {
      problems.push({ problem, keptUnder: keepAside(storage, text, now()) });
      storage.removeItem(key);
    };
    let data: LibraryData = { current: '', projects: [] };
    const text = storage.getItem(LIBRARY_KEY);
    if (text !== null) {
      const checked = readStored(text, checkLibrary);
      if (!checked.ok) setAside(LIBRARY_KEY, text, checked.problem);
      else {
        data = checked.value.library;
        if (checked.value.problems.length > 0) problems.push({ problem: checked.value.problems.join('; '), keptUnder: keepAside(storage, text, now()) });
      }
    }
    const single = storage.getItem(SINGLE_PROJECT_KEY);
    const library = new ProjectLibrary(storage, data, now, newId);
    if (single !== null && text === null) {
      const checked = readStored(single, checkProject);
      if (!checked.ok) setAside(SINGLE_PROJECT_KEY, single, checked.problem);
      else {
        library.add(options.firstName, checked.value);
        if (library.write() === undefined) storage.removeItem(SINGLE_PROJECT_KEY);
      }
    }
    return { library, problems };
  }

  /** The projects, most recently edited first. */
  list(): readonly SavedProject[] {
    return [...this.#data.projects].sort((a, b) => b.editedAt - a.editedAt);
  }

  current(): SavedProject | undefined {
    return this.get(this.#data.current);
  }

  get(id: string): SavedProject | undefined {
    return this.#data.projects.find((saved) => saved.id === id);
  }

  /** A project with exactly these files, settings and event, if one is kept. */
  find(project: Project): SavedProject | undefined {
    const wanted = contentOf(project);
    return this.#data.projects.find((saved) => contentOf(saved.project) === wanted);
  }

  /** Keeps `project` as a new project and opens it. */
  add(name: string, project: Project): SavedProject {
    const saved: SavedProject = { id: this.#newId(), name: cleanName(name) || 'Project', editedAt: this.#now(), project };
    this.#data.projects.push(saved);
    this.#data.current = saved.id;
    return saved;
  }

  select(id: string): SavedProject | undefined {
    const saved = this.get(id);
    if (saved) this.#data.current = id;
    return saved;
  }

  /** Takes the project's new content; "last edited" moves only when something changed. False when nothing did. */
  update(id: string, project: Project): boolean {
    const saved = this.get(id);
    if (!saved || contentOf(saved.project) === contentOf(project)) return false;
    saved.project = project;
    saved.editedAt = this.#now();
    return true;
  }

  /** False when the name is empty once cleaned. */
  rename(id: string, name: string): boolean {
    const saved = this.get(id);
    const clean = cleanName(name);
    if (!saved || clean === '') return false;
    saved.name = clean;
    return true;
  }

  /** A copy under `name`, placed beside the original; the open project stays open. */
  duplicate(id: string, name: string): SavedProject | undefined {
    const original = this.get(id);
    if (!original) return undefined;
    const copy: SavedProject = { id: this.#newId(), name: cleanName(name) || original.name, editedAt: this.#now(), project: structuredClone(original.project) };
    this.#data.projects.splice(this.#data.projects.indexOf(original) + 1, 0, copy);
    return copy;
  }

  /** Forgets a project. When it was open, the most recently edited one left is opened (none when it was the last). */
  remove(id: string): void {
    this.#data.projects = this.#data.projects.filter((saved) => saved.id !== id);
    this.#removed.add(id);
    if (this.#data.current === id) this.#data.current = this.list()[0]?.id ?? '';
  }

  /** Stores the library. Returns the problem when the browser refused the write. */
  write(): string | undefined {
    this.#mergeStored();
    try {
      this.#storage.setItem(LIBRARY_KEY, JSON.stringify({ version: 2, ...this.#data }));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Projects another tab added are kept; for one both tabs know, the later edit wins. */
  #mergeStored(): void {
    const text = this.#storage.getItem(LIBRARY_KEY);
    const stored = text === null ? undefined : readStored(text, checkLibrary);
    if (!stored?.ok) return;
    for (const theirs of stored.value.library.projects) {
      const mine = this.get(theirs.id);
      if (!mine && !this.#removed.has(theirs.id)) this.#data.projects.push(theirs);
      else if (mine && theirs.editedAt > mine.editedAt && theirs.id !== this.#data.current) Object.assign(mine, theirs);
    }
  }
}

/** The project's content as text, whatever order its files and settings were built in (the page rebuilds both). */
function contentOf(project: Project): string {
  return JSON.stringify([project.entry, sorted(project.files), sorted({ ...project.settings, env: sorted(project.settings.env) }), project.event]);
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Parses and checks stored text; text that is not JSON is reported as such. */
function readStored<T>(text: string, check: (data: unknown) => Checked<T>): Checked<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not valid JSON' };
  }
  return check(data);
}

function keepAside(storage: KeyValueStorage, text: string, now: number): string | undefined {
  const key = UNREADABLE_PREFIX + new Date(now).toISOString();
  try {
    storage.setItem(key, text);
    return key;
  } catch {
    // Keeping the copy is a courtesy (the quota may be full); the problem is still reported.
    return undefined;
  }
}
