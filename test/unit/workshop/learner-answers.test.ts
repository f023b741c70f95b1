import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { deepEqual, fieldDifference } from '../../../playground/workshop/check-api.ts';
import { fakeIO } from '../cli/fake-io.ts';

interface Outcome {
  passed: boolean;
  title: { en: string };
  failure?: { en: string; 'zh-cn': string };
}

/** Checks an answer a learner might write (test/unit/workshop/answers/) and returns the failed checks. */
async function failures(exercise: string, answer: string): Promise<Outcome[]> {
  const io = fakeIO();
  await main(['check', exercise, join(import.meta.dirname, 'answers', answer), '--json'], io);
  return (JSON.parse(io.out) as { outcomes: Outcome[] }).outcomes.filter((outcome) => !outcome.passed);
}

describe('answers the task allows pass, answers it rules out fail with the reason', () => {
  test('exercise 2: fields in another order than the task lists them pass', async () => {
    expect(await failures('2', '02-fields-in-another-order.txt')).toEqual([]);
  });

  test('exercise 2: an extra field fails, and the message names it', async () => {
    const failed = await failures('2', '02-extra-field.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual(['Recognises a COS upload event']);
    expect(failed[0]?.failure?.en).toContain('Remove the field(s) size');
    expect(failed[0]?.failure?.['zh-cn']).toContain('请去掉字段 size');
  });

  test('exercise 11: a gate that takes any non-zero exit for the expected failure lets a wrong failure and a broken CI setup through', async () => {
    const failed = await failures('11', '11-any-non-zero-is-a-failure.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual([
      'Stops a build that fails for the wrong reason (exit 1, another errorType)',
      'Stops when a run could not start: exit 2 is not the failure a fixture expects',
    ]);
    expect(failed[0]?.failure?.en).toMatch(/The slow run exited 1 .*ReferenceError/);
    expect(failed[1]?.failure?.en).toContain('The bad run exited 2');
  }, 60_000);

  test('exercise 11: a gate that reads only the exit codes lets a wrong total and a wrong failure through', async () => {
    const failed = await failures('11', '11-exit-codes-only.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual([
      'Stops a build that succeeds with the wrong result (exit 0, another total)',
      'Stops a build that fails for the wrong reason (exit 1, another errorType)',
    ]);
    expect(failed[0]?.failure?.en).toMatch(/The ok run exited 0 .*total.*30/);
  }, 60_000);

  test('exercise 3: awaiting the menu at the top level passes', async () => {
    expect(await failures('3', '03-top-level-await.txt')).toEqual([]);
  });

  test('exercise 6: stopping only when less than one photo’s time is left fails the safety margin', async () => {
    const failed = await failures('6', '06-no-margin.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual(['Keeps a safety margin: answers with at least 300 ms of the 2 s left']);
  }, 30_000);

  test('exercise 12: a cap of 20 without retries keeps the database safe but loses the throttled orders', async () => {
    const failed = await failures('12', '12-cap-without-retries.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual(['At least 99 % of 1,000 orders succeed in the end']);
    expect(failed[0]?.failure?.en).toMatch(/\d+ were throttled on their first try, 0 retries were sent/);
  }, 90_000);

  test('exercise 16: loading the kit inside the report route, on every report, fails the once-per-instance check', async () => {
    const failed = await failures('16', '16-load-on-every-report.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual(['The kit loads at most once per instance, and never for a menu']);
    expect(failed[0]?.failure?.en).toContain('logged "loading spreadsheet kit" 2 times');
  }, 60_000);

  test('exercise 18: the starter’s list of printers, fixed (replace on hello, filter on closing, parse safely, rethrow), passes', async () => {
    expect(await failures('18', '18-fixed-starter-with-a-list.txt')).toEqual([]);
  }, 30_000);

  test('exercise 18: unregistering by store on "closing" loses a reconnected printer when the old connection closes late', async () => {
    const failed = await failures('18', '18-late-closing-unregisters-the-new-printer.txt');
    expect(failed.map((outcome) => outcome.title.en)).toEqual(['Pushes a print job only to its store’s printer connection, after a reconnect too']);
    expect(failed[0]?.failure?.en).toContain('lost its jobs');
    expect(failed[0]?.failure?.['zh-cn']).toContain('收不到任务了');
  }, 30_000);

  test('exercise 17: a config computed with top-level await is read as the module ran', async () => {
    expect(await failures('17', '17-top-level-await.txt')).toEqual([]);
  }, 60_000);

  test('exercise 17: a misspelt setting is refused by name rather than read as the default', async () => {
    const failed = await failures('17', '17-misspelt-setting.txt');
    expect(failed).toHaveLength(2);
    expect(failed[0]?.failure?.en).toContain('a field "provisionedConcurency" no exercise reads');
    expect(failed[0]?.failure?.['zh-cn']).toContain('"provisionedConcurency"');
  }, 60_000);

  test('exercise 17: an hour of keep-alive without provisioned instances fails the memory budget', async () => {
    const failed = await failures('17', '17-keep-alive-alone.txt');
    expect(failed.map((outcome) => outcome.title.en)).toContain('Idle instances hold at most 10,000 GB-s');
  }, 60_000);
});

describe('comparing a result with what the task asks for', () => {
  test('key order does not matter, at any depth; values, arrays and extra keys do', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });

  test('names the extra and the missing fields', () => {
    expect(fieldDifference({ kind: 'cos', size: 1 }, { kind: 'cos', key: 'k' })).toEqual({ extra: ['size'], missing: ['key'] });
    expect(fieldDifference('text', { kind: 'cos' })).toEqual({ extra: [], missing: ['kind'] });
  });
});
