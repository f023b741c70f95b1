import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../faas/protocol.ts';
import { readSourceTree } from '../../compiler/node.ts';
import { findExercise, listExercises } from '../exercises.ts';
import type { ExerciseOnDisk } from '../exercises.ts';

/** What `init` starts a project from: a template of content/templates/, or a workshop exercise's starter. */
export interface ProjectTemplate {
  id: string;
  title: { en: string; 'zh-cn': string };
  dialect: Dialect;
  /** "index.main_handler": the entry is always index.ts. */
  handler: string;
  memoryMb: number;
  timeoutS: number;
  /** The handler's TypeScript source. */
  source: string;
  /** The sample event, as JSON text. */
  event: string;
  /** Trigger entries as the platform's serverless.yml lists them. */
  triggers: unknown[];
  /** The exercise id, when the template is a workshop exercise (its `test` script runs the exercise's checks). */
  exercise?: string;
  /** The files of the exercise's `layer/` folder, by path inside it: the layer its functions bind, mounted at /opt. */
  layer?: Record<string, string>;
}

const TEMPLATES_DIR = fileURLToPath(new URL('../../../content/templates/', import.meta.url));
const EVENTS_DIR = fileURLToPath(new URL('../../../content/events/', import.meta.url));

interface TemplateJson {
  title: { en: string; 'zh-cn': string };
  dialect: Dialect;
  handler: string;
  memoryMb: number;
  timeoutS: number;
  /** A file under content/events/, or "event.json" beside the template. */
  event: string;
  triggers: unknown[];
}

export function listTemplates(): ProjectTemplate[] {
  const own = readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(TEMPLATES_DIR, entry.name, 'template.json')))
    .map((entry) => readTemplate(entry.name));
  return [...own, ...listExercises().map(fromExercise)];
}

/** A template by its id; an exercise also by its number, as `check` accepts it. */
export function findTemplate(id: string): ProjectTemplate | undefined {
  if (existsSync(join(TEMPLATES_DIR, id, 'template.json'))) return readTemplate(id);
  const exercise = findExercise(id);
  return exercise ? fromExercise(exercise) : undefined;
}

function readTemplate(id: string): ProjectTemplate {
  const dir = join(TEMPLATES_DIR, id);
  const meta = JSON.parse(readFileSync(join(dir, 'template.json'), 'utf8')) as TemplateJson;
  const eventPath = meta.event === 'event.json' ? join(dir, 'event.json') : join(EVENTS_DIR, meta.event);
  return {
    id,
    title: meta.title,
    dialect: meta.dialect,
    handler: meta.handler,
    memoryMb: meta.memoryMb,
    timeoutS: meta.timeoutS,
    source: readFileSync(join(dir, 'index.ts'), 'utf8'),
    event: readFileSync(eventPath, 'utf8'),
    triggers: meta.triggers,
  };
}

function fromExercise(exercise: ExerciseOnDisk): ProjectTemplate {
  return {
    id: exercise.id,
    title: exercise.title,
    dialect: exercise.dialect,
    handler: `index.${exercise.handler.slice(exercise.handler.lastIndexOf('.') + 1)}`,
    memoryMb: exercise.memoryMb,
    timeoutS: exercise.timeoutS,
    source: readFileSync(join(exercise.dir, 'starter.ts'), 'utf8'),
    event: readFileSync(join(exercise.dir, 'event.json'), 'utf8'),
    triggers: [],
    exercise: exercise.id,
    ...(existsSync(join(exercise.dir, 'layer')) ? { layer: readSourceTree(join(exercise.dir, 'layer')) } : {}),
  };
}
