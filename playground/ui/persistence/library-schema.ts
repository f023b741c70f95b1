import type { Project } from '../../project/project.ts';
import { checkProject, isRecord, type Checked } from './project-schema.ts';

/** One saved project: the list shows its name and when it was last edited. */
export interface SavedProject {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  editedAt: number;
  project: Project;
}

/** Everything the playground keeps in this browser: its projects and which one is open. */
export interface LibraryData {
  current: string;
  projects: SavedProject[];
}

const MAX_NAME_CHARS = 80;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Checks a saved library. A project that is not valid is left out and named in `problems` (the caller keeps the
 * text aside); the rest still open. Only a library with nothing usable in it is refused as a whole.
 */
export function checkLibrary(data: unknown): Checked<{ library: LibraryData; problems: string[] }> {
  if (!isRecord(data)) return { ok: false, problem: 'the saved projects are not an object' };
  if (!Array.isArray(data.projects)) return { ok: false, problem: '"projects" is missing or not a list' };
  const problems: string[] = [];
  const projects: SavedProject[] = [];
  for (const [index, item] of data.projects.entries()) {
    const checked = checkSavedProject(item, projects);
    if (checked.ok) projects.push(checked.value);
    else problems.push(`project ${index + 1}: ${checked.problem}`);
  }
  const first = projects[0];
  if (!first) return { ok: false, problem: problems[0] ?? 'the list of projects is empty' };
  const current = projects.some((saved) => saved.id === data.current) ? (data.current as string) : first.id;
  return { ok: true, value: { library: { current, projects }, problems } };
}

function checkSavedProject(item: unknown, earlier: readonly SavedProject[]): Checked<SavedProject> {
  if (!isRecord(item)) return { ok: false, problem: 'it is not an object' };
  const { id, name, editedAt } = item;
  if (typeof id !== 'string' || !ID.test(id)) return { ok: false, problem: '"id" is missing or not a simple name' };
  if (earlier.some((saved) => saved.id === id)) return { ok: false, problem: `the id "${id}" is used twice` };
  if (typeof name !== 'string' || cleanName(name) !== name || name === '') return { ok: false, problem: '"name" must be text of 1 to 80 characters on one line' };
  if (typeof editedAt !== 'number' || !Number.isFinite(editedAt)) return { ok: false, problem: '"editedAt" must be a time' };
  const project = checkProject(item.project);
  if (!project.ok) return project;
  return { ok: true, value: { id, name, editedAt, project: project.value } };
}

/** A name as the list keeps it: one line, no surrounding spaces, at most 80 characters. */
export function cleanName(name: string): string {
  return [...name.replace(/\s+/g, ' ').trim()].slice(0, MAX_NAME_CHARS).join('');
}
