import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { listExercises } from '../../../playground/cli/exercises.ts';
import { fakeIO } from '../cli/fake-io.ts';

interface Report {
  passed: boolean;
  outcomes: { passed: boolean; title: { en: string; 'zh-cn': string }; failure?: { en: string; 'zh-cn': string } }[];
}

async function checkJson(args: string[]): Promise<{ code: number; report: Report }> {
  const io = fakeIO();
  const code = await main(['check', ...args, '--json'], io);
  return { code, report: JSON.parse(io.out) as Report };
}

const exercises = listExercises();
/**
 * A check run starts real worker instances and may wait out a timeout (exercise 6's starter does); exercise 11 runs
 * the CLI on nine fixtures, each a cold start; a hang guard.
 */
const CHECK_RUN_LIMIT_MS = 60_000;

describe('workshop exercises', () => {
  test('there are exercises, numbered in order, each folder’s number its order in the workshop', () => {
    const numbers = exercises.map((exercise) => Number(exercise.id.slice(0, 2)));
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    for (const exercise of exercises) {
      const meta = JSON.parse(readFileSync(join(exercise.dir, 'exercise.json'), 'utf8')) as { order: number };
      expect(meta.order, exercise.id).toBe(Number(exercise.id.slice(0, 2)));
    }
  });

  test.each(exercises.map((exercise) => exercise.id))('%s: the solution passes every check (exit 0)', async (id) => {
    const { code, report } = await checkJson([id, '--solution']);
    expect(report.outcomes.filter((outcome) => !outcome.passed).map((outcome) => outcome.failure?.en)).toEqual([]);
    expect(code).toBe(0);
  }, CHECK_RUN_LIMIT_MS);

  test.each(exercises.map((exercise) => exercise.id))('%s: the starter code fails a check with a reason in both languages (exit 1)', async (id) => {
    const exercise = exercises.find((candidate) => candidate.id === id)!;
    const { code, report } = await checkJson([id, join(exercise.dir, 'starter.ts')]);
    const failed = report.outcomes.filter((outcome) => !outcome.passed);
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) {
      expect(outcome.failure?.en).toBeTruthy();
      expect(outcome.failure?.['zh-cn']).toBeTruthy();
    }
    expect(code).toBe(1);
  }, CHECK_RUN_LIMIT_MS);
});

describe('the check command', () => {
  test('names a missing exercise and exits 2', async () => {
    const io = fakeIO();
    expect(await main(['check', 'no-such-exercise', 'x.ts'], io)).toBe(2);
    expect(io.err).toContain('No exercise "no-such-exercise"');
  });

  test('reports a compile error in the learner’s file with its line, and exits 2', async () => {
    const io = fakeIO();
    const broken = join(import.meta.dirname, 'broken-answer.fixture.txt');
    expect(await main(['check', '1', broken], io)).toBe(2);
    expect(io.err).toMatch(/Compile failed:\n.*index\.ts:2:/);
  });
});
