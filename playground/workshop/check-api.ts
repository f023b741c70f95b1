/**
 * What an exercise's check.ts is written against. Checks see the learner's function only through `Harness`, so the
 * same checks run in the CLI (Node worker_threads instances) and in the browser (Web Worker instances).
 * Pure TypeScript: no DOM, no Node.
 */
export type Locale = 'en' | 'zh-cn';

/** A sentence in both site languages. */
export interface Bilingual {
  en: string;
  'zh-cn': string;
}

/** One invocation as a check sees it. */
export interface CheckedInvocation {
  requestId: string;
  ok: boolean;
  /** The handler's return value when ok. */
  value: unknown;
  error?: { errorType: string; errorMessage: string };
  instanceId: string;
  cold: boolean;
  /** The invocation's log lines, without prefixes. */
  logs: string[];
}

export interface Harness {
  invoke(event: unknown): Promise<CheckedInvocation>;
}

export interface Check {
  title: Bilingual;
  /** Throws a CheckFailure (or any error) when the learner's function does not do what the title says. */
  run(harness: Harness): Promise<void>;
}

export class CheckFailure extends Error {
  readonly explanation: Bilingual;
  constructor(explanation: Bilingual) {
    super(explanation.en);
    this.name = 'CheckFailure';
    this.explanation = explanation;
  }
}

/** Fails the check with `explanation` unless `condition` holds. */
export function expectThat(condition: boolean, explanation: Bilingual): asserts condition {
  if (!condition) throw new CheckFailure(explanation);
}

/** Fails unless the invocation succeeded, quoting the error the learner's code raised. */
export function expectOk(invocation: CheckedInvocation): void {
  const error = invocation.error;
  expectThat(invocation.ok, {
    en: `The function failed: ${error?.errorType}: ${error?.errorMessage}`,
    'zh-cn': `函数执行出错：${error?.errorType}: ${error?.errorMessage}`,
  });
}

export function defineChecks(checks: Check[]): Check[] {
  return checks;
}

/** Shows a value in a failure message, short enough to read. */
export function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
