import type { KeyValueStorage } from '../persistence/key-value-storage.ts';
import { isRecord, PROJECT_LIMITS } from '../persistence/project-schema.ts';

export const PROGRESS_KEY = 'hello-serverless:workshop:v1';
/** Where unreadable progress is moved, so a person can still recover their answers by hand. */
export const PROGRESS_UNREADABLE_KEY = 'hello-serverless:workshop:unreadable';

export interface ExerciseProgress {
  /** The learner's latest code, saved while typing and before every check. */
  code?: string;
  /** When every check first passed (ISO 8601). Passing stays passed, even if later edits break the code. */
  passedAt?: string;
}

export type ExerciseStatus = 'passed' | 'started' | 'new';

const EXERCISE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_EXERCISES = 200;

/**
 * The workshop's progress in localStorage: per exercise, the learner's code and when it passed. Every write reads
 * the stored value first, so two tabs on different exercises never undo each other's saves. Anything unreadable
 * is moved aside and reported once, never half-loaded.
 */
export class WorkshopProgress {
  readonly #storage: KeyValueStorage;
  #problem: string | undefined;

  constructor(storage: KeyValueStorage) {
    this.#storage = storage;
  }

  /** Why the saved progress could not be read, if it could not; reading it again reports nothing. */
  takeProblem(): string | undefined {
    this.#read();
    const problem = this.#problem;
    this.#problem = undefined;
    return problem;
  }

  get(id: string): ExerciseProgress {
    return this.#read()[id] ?? {};
  }

  status(id: string): ExerciseStatus {
    const entry = this.get(id);
    return entry.passedAt !== undefined ? 'passed' : entry.code !== undefined ? 'started' : 'new';
  }

  /** Returns the browser's reason when it refused the write. */
  saveCode(id: string, code: string): string | undefined {
    return this.#update(id, (entry) => ({ ...entry, code }));
  }

  markPassed(id: string, at: Date): string | undefined {
    return this.#update(id, (entry) => ({ ...entry, passedAt: entry.passedAt ?? at.toISOString() }));
  }

  /** Forgets the code (back to the starter) but not that the exercise was passed. */
  forgetCode(id: string): string | undefined {
    return this.#update(id, ({ passedAt }) => (passedAt === undefined ? {} : { passedAt }));
  }

  #update(id: string, change: (entry: ExerciseProgress) => ExerciseProgress): string | undefined {
    if (!EXERCISE_ID.test(id)) throw new Error(`Not an exercise id: ${JSON.stringify(id)}`);
    const all = this.#read();
    const next = change(all[id] ?? {});
    if (next.code !== undefined && next.code.length > PROJECT_LIMITS.maxFileChars) {
      return `the code has ${next.code.length} characters; at most ${PROJECT_LIMITS.maxFileChars} are kept`;
    }
    const updated = { ...all, [id]: next };
    try {
      this.#storage.setItem(PROGRESS_KEY, JSON.stringify({ exercises: updated }));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  #read(): Record<string, ExerciseProgress> {
    const text = this.#storage.getItem(PROGRESS_KEY);
    if (text === null) return {};
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return this.#setAside(text, 'it is not valid JSON');
    }
    const checked = checkProgress(data);
    return typeof checked === 'string' ? this.#setAside(text, checked) : checked;
  }

  #setAside(text: string, problem: string): Record<string, ExerciseProgress> {
    try {
      this.#storage.setItem(PROGRESS_UNREADABLE_KEY, text);
    } catch {
      // Keeping the copy is a courtesy; starting afresh must happen either way.
    }
    this.#storage.removeItem(PROGRESS_KEY);
    this.#problem = problem;
    return {};
  }
}

/** The progress, or the first thing wrong with it in plain words. */
function checkProgress(data: unknown): Record<string, ExerciseProgress> | string {
  if (!isRecord(data) || !isRecord(data.exercises)) return '"exercises" is missing or not an object';
  const ids = Object.keys(data.exercises);
  if (ids.length > MAX_EXERCISES) return `it names ${ids.length} exercises; at most ${MAX_EXERCISES} are allowed`;
  const out: Record<string, ExerciseProgress> = {};
  for (const id of ids) {
    const entry = data.exercises[id];
    if (!EXERCISE_ID.test(id)) return `"${id.slice(0, 80)}" is not an exercise id`;
    if (!isRecord(entry)) return `the entry for "${id}" is not an object`;
    const { code, passedAt } = entry;
    if (code !== undefined && (typeof code !== 'string' || code.length > PROJECT_LIMITS.maxFileChars)) return `the code of "${id}" is not text of at most ${PROJECT_LIMITS.maxFileChars} characters`;
    if (passedAt !== undefined && (typeof passedAt !== 'string' || Number.isNaN(Date.parse(passedAt)))) return `the pass date of "${id}" is not a date`;
    out[id] = { ...(code === undefined ? {} : { code }), ...(passedAt === undefined ? {} : { passedAt }) };
  }
  return out;
}
