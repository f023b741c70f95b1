import type { Project } from '../../project/project.ts';
import { checkProject } from './project-schema.ts';

/** The part of the Web Storage API autosave uses; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const AUTOSAVE_KEY = 'hello-serverless:project:v1';
/** Where an unreadable save is moved, so a person can still recover their code by hand. */
export const CORRUPT_KEY = 'hello-serverless:project:unreadable';

export type Restored = { status: 'none' } | { status: 'restored'; project: Project } | { status: 'corrupt'; problem: string };

/**
 * Keeps the whole project (files, settings, event) in localStorage. localStorage rather than IndexedDB because
 * a project is a few kilobytes of text, and a synchronous write can still finish in `pagehide` when the tab
 * closes, where an IndexedDB transaction may be cut off. Writes are debounced while typing and forced before
 * each run.
 */
export class ProjectAutosave {
  readonly #storage: KeyValueStorage;
  readonly #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: Project | undefined;

  constructor(storage: KeyValueStorage, delayMs = 400) {
    this.#storage = storage;
    this.#delayMs = delayMs;
  }

  /** The saved project; a save that is not valid JSON or not a valid project is moved aside and reported. */
  restore(): Restored {
    const text = this.#storage.getItem(AUTOSAVE_KEY);
    if (text === null) return { status: 'none' };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return this.#setAside(text, 'it is not valid JSON');
    }
    const checked = checkProject(data);
    if (!checked.ok) return this.#setAside(text, checked.problem);
    return { status: 'restored', project: checked.value };
  }

  /** Saves after a quiet moment; a newer call replaces an older one. */
  schedule(project: Project): void {
    this.#pending = project;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#delayMs);
  }

  /** Saves now (before a run, when the page is hidden). Returns the problem when the browser refused the write. */
  flush(project: Project | undefined = this.#pending): string | undefined {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    if (!project) return undefined;
    try {
      this.#storage.setItem(AUTOSAVE_KEY, JSON.stringify({ entry: project.entry, files: project.files, settings: project.settings, event: project.event }));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#pending = undefined;
    this.#storage.removeItem(AUTOSAVE_KEY);
  }

  #setAside(text: string, problem: string): Restored {
    try {
      this.#storage.setItem(CORRUPT_KEY, text);
    } catch {
      // Keeping the copy is a courtesy; the reset must happen either way.
    }
    this.#storage.removeItem(AUTOSAVE_KEY);
    return { status: 'corrupt', problem };
  }
}
