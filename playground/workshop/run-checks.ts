import type { Bilingual, Check, Harness } from './check-api.ts';
import { CheckFailure } from './check-api.ts';

export interface CheckOutcome {
  title: Bilingual;
  passed: boolean;
  /** Why it failed, in both languages. */
  failure?: Bilingual;
}

/**
 * Runs every check, in order, even after a failure: a learner fixing one thing wants to see all that is left.
 * An error that is not a CheckFailure (the learner's code threw through the harness, or a check has a bug) is
 * reported as that check's failure, never as a crash of the run.
 */
export async function runChecks(checks: Check[], harness: Harness): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    try {
      await check.run(harness);
      outcomes.push({ title: check.title, passed: true });
    } catch (error) {
      const failure =
        error instanceof CheckFailure
          ? error.explanation
          : { en: `Unexpected error: ${String(error)}`, 'zh-cn': `意外错误：${String(error)}` };
      outcomes.push({ title: check.title, passed: false, failure });
    }
  }
  return outcomes;
}
