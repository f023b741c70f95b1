/**
 * Workshop exercises (content/exercises/<id>/), read at build time so that a page naming a missing exercise, or an
 * exercise missing a file, fails the build.
 */
export interface ExerciseMeta {
  order: number;
  title: { en: string; 'zh-cn': string };
  /** Which of the five 2019 talks the exercise practises (the workshop index groups exercises by it). */
  talk: 1 | 2 | 3 | 4 | 5;
  dialect: 'scf' | 'lambda';
  handler: string;
  timeoutS: number;
  memoryMb: number;
  /** Where the checks can run; absent means everywhere. ["cli"]: they need the command line (a browser says why not). */
  hosts?: ['cli'];
}

export interface Exercise {
  id: string;
  meta: ExerciseMeta;
  /** The same code in both languages; only the comments are translated (test/unit/content/translated-code.test.ts). */
  starter: { en: string; 'zh-cn': string };
  solution: { en: string; 'zh-cn': string };
  event: string;
  hints: { en: string[]; 'zh-cn': string[] };
}

const raw = import.meta.glob<string>('/content/exercises/*/*.{json,ts,md}', { query: '?raw', import: 'default', eager: true });

function file(id: string, name: string): string {
  const text = raw[`/content/exercises/${id}/${name}`];
  if (text === undefined) throw new Error(`Exercise "${id}" has no ${name} (content/exercises/${id}/${name})`);
  return text;
}

/** A hints file is a Markdown list; each item is one hint, revealed one at a time. */
function hintsIn(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
}

/** Every exercise's id, in the workshop's order (their folders are numbered). */
export function exerciseIds(): string[] {
  const ids = Object.keys(raw)
    .filter((path) => path.endsWith('/exercise.json'))
    .map((path) => path.split('/')[3] ?? '');
  return ids.sort();
}

/** The exercises that practise one talk, in order. */
export function exerciseIdsOfTalk(talk: ExerciseMeta['talk']): string[] {
  return exerciseIds().filter((id) => loadExercise(id).meta.talk === talk);
}

export function loadExercise(id: string): Exercise {
  return {
    id,
    meta: JSON.parse(file(id, 'exercise.json')) as ExerciseMeta,
    starter: { en: file(id, 'starter.ts'), 'zh-cn': file(id, 'starter.zh-cn.ts') },
    solution: { en: file(id, 'solution.ts'), 'zh-cn': file(id, 'solution.zh-cn.ts') },
    event: file(id, 'event.json'),
    hints: { en: hintsIn(file(id, 'hints.en.md')), 'zh-cn': hintsIn(file(id, 'hints.zh-cn.md')) },
  };
}

/** A hint's Markdown is plain text with `code` spans; this is the one bit of it we render. */
export function hintHtml(hint: string): string {
  const escaped = hint.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
