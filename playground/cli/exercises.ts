import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check } from '../workshop/check-api.ts';

/** The workshop's exercises ship with the package, in content/exercises/<id>/. */
const EXERCISES_DIR = fileURLToPath(new URL('../../content/exercises/', import.meta.url));

export interface ExerciseOnDisk {
  id: string;
  dir: string;
  title: { en: string; 'zh-cn': string };
  dialect: 'scf' | 'lambda';
  handler: string;
  memoryMb: number;
  timeoutS: number;
}

export function listExercises(): ExerciseOnDisk[] {
  return readdirSync(EXERCISES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EXERCISES_DIR, entry.name, 'exercise.json')))
    .map((entry) => readExercise(entry.name))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function findExercise(id: string): ExerciseOnDisk | undefined {
  const exact = listExercises().find((exercise) => exercise.id === id);
  // "3" or "03" is enough to name an exercise from the command line.
  return exact ?? listExercises().find((exercise) => /^\d+$/.test(id) && Number(exercise.id.split('-')[0]) === Number(id));
}

function readExercise(id: string): ExerciseOnDisk {
  const dir = join(EXERCISES_DIR, id);
  const meta = JSON.parse(readFileSync(join(dir, 'exercise.json'), 'utf8')) as Omit<ExerciseOnDisk, 'id' | 'dir'>;
  return { ...meta, id, dir };
}

export async function loadChecks(exercise: ExerciseOnDisk): Promise<Check[]> {
  const module = (await import(join(exercise.dir, 'check.ts'))) as { default: Check[] };
  return module.default;
}
