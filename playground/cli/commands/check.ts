import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compileFiles, formatDiagnostic } from '../../compiler/node.ts';
import { Platform } from '../../faas/platform.ts';
import { RealClock } from '../../faas/real-clock.ts';
import { NodeInstanceHost } from '../../hosts/node/node-instance-host.ts';
import type { CliRun, Locale } from '../../workshop/check-api.ts';
import { checkOnPlatform, exerciseEntryFile } from '../../workshop/check-on-platform.ts';
import type { CheckOutcome } from '../../workshop/run-checks.ts';
import { parseCommandArgs } from '../args.ts';
import { ClosableClock } from '../closable-clock.ts';
import { findExercise, listExercises, loadChecks, type ExerciseOnDisk } from '../exercises.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

export const CHECK_HELP = `Usage: hello-serverless check <exercise> <your-handler-file> [options]
       hello-serverless check --list

Runs a workshop exercise's checks against your handler on the simulated platform (real worker instances, the
exercise's dialect, memory and timeout) and says which expectations pass and why the others fail.

Options:
  --list                 list the exercises
  --solution             check the exercise's own solution instead of a file
  --lang en|zh-cn        language of the report (default en)
  --json                 print the outcomes as JSON on STDOUT
  -h, --help             show this help

Exit codes: 0 every check passed; 1 a check failed; 2 usage or compile error.
`;

export async function check(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    help: { type: 'boolean', short: 'h' },
    list: { type: 'boolean' },
    solution: { type: 'boolean' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  if (values.list) {
    const exercises = listExercises();
    const width = Math.max(...exercises.map((exercise) => exercise.id.length));
    for (const exercise of exercises) io.stdout(`${exercise.id.padEnd(width)}  ${exercise.title.en} / ${exercise.title['zh-cn']}\n`);
    return 0;
  }
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh-cn') throw new UsageError(`--lang must be en or zh-cn, got "${lang}"`);
  const [id, file] = positionals;
  if (id === undefined) throw new UsageError('check needs an exercise. See hello-serverless check --list');
  const exercise = findExercise(id);
  if (!exercise) throw new UsageError(`No exercise "${id}". See hello-serverless check --list`);
  if (values.solution === (file !== undefined)) {
    throw new UsageError('check needs either your handler file or --solution (not both)');
  }
  const source = values.solution ? readFileSync(join(exercise.dir, 'solution.ts'), 'utf8') : readUserFile(file!);

  const entry = exerciseEntryFile(exercise.handler);
  const compiled = await compileFiles({ entry, files: { [entry]: source } });
  if (!compiled.ok) {
    io.stderr(`Compile failed:\n${compiled.diagnostics.map((d) => `  ${formatDiagnostic(d)}\n`).join('')}`);
    return 2;
  }
  const outcomes = await checkBundle(exercise, compiled.bundle);
  if (values.json) io.stdout(`${JSON.stringify({ exercise: exercise.id, passed: outcomes.every((o) => o.passed), outcomes }, null, 2)}\n`);
  else io.stdout(report(exercise, outcomes, lang, io.color));
  return outcomes.every((outcome) => outcome.passed) ? 0 : 1;
}

function readUserFile(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Runs the checks on a fresh platform of Node instances, and shuts everything down. */
async function checkBundle(exercise: ExerciseOnDisk, bundle: string): Promise<CheckOutcome[]> {
  const checks = await loadChecks(exercise);
  const clock = new ClosableClock(new RealClock());
  const platform = new Platform({ clock, host: new NodeInstanceHost({ clock }), requestIds: randomUUID });
  try {
    return await checkOnPlatform(platform, exercise, bundle, checks, undefined, { folder: exercise.dir, run: runCommand });
  } finally {
    platform.shutdown();
    clock.close();
  }
}

/** Runs one `hello-serverless` command in this process, as a script would in a shell, and keeps what it printed. */
async function runCommand(args: string[]): Promise<CliRun> {
  // Imported when first needed: main.ts lists the commands, this one among them.
  const { main } = await import('../main.ts');
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: async () => '',
    color: false,
  };
  const exitCode = await main(args, io);
  return { exitCode, stdout, stderr };
}

function report(exercise: ExerciseOnDisk, outcomes: CheckOutcome[], lang: Locale, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = [`${exercise.title[lang]} (${basename(exercise.dir)})`];
  for (const outcome of outcomes) {
    lines.push(`${outcome.passed ? paint(32, '✓') : paint(31, '✗')} ${outcome.title[lang]}`);
    if (outcome.failure) lines.push(`    ${outcome.failure[lang]}`);
  }
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  lines.push(`${passed} passed, ${outcomes.length - passed} failed`);
  return `${lines.join('\n')}\n`;
}
