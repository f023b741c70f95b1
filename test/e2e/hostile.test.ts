/**
 * Hostile handlers that run away (issue 13): loops, a promise that never settles, a 3 s memory bomb (the 60 s one
 * is in memory-bomb.test.ts), floods of logs, a huge result, a stack overflow, timers left running, throws of
 * things that are not Errors, a rejection after the response. Each ends with a clear error on that request only;
 * the instance is replaced where a real platform would replace it; the page answers clicks and draws frames
 * throughout (the figures are printed); the project is unchanged. hostile-escape.test.ts tries the ways out.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { useBuiltSite } from './support/suite.ts';
import { closePages, expectContained, MEMORY_BOMB, outcomeRow, runHostile } from './support/hostile-run.ts';

const suite = useBuiltSite();
const rows: string[] = [];

afterEach(() => closePages(suite.browser));
afterAll(() => console.log(['| case | status | shown | instance | responsiveness |', ...rows].join('\n')));

interface Case {
  name: string;
  body: string;
  timeoutS?: number;
  status: string;
  /** The error's type and message, or the value, the request must show. */
  errorType?: RegExp;
  shown: RegExp;
  next: 'cold' | 'warm';
  /** What the result's "Max memory used" row must say. */
  memory?: RegExp;
}

const cases: Case[] = [
  // The baseline: what the page's responsiveness figures are for a harmless request on this machine.
  { name: 'a plain handler (baseline)', body: "return 'plain';", status: 'ok', shown: /^plain$/, next: 'warm' },
  { name: 'a synchronous endless loop', body: 'while (true) {}', timeoutS: 1, status: 'timeout', errorType: /^Sandbox\.Timedout$/, shown: /^Task timed out after 1\.00 seconds$/, next: 'cold' },
  { name: 'an endless loop of awaited timers', body: 'for (;;) await new Promise((r) => setTimeout(r, 0));', timeoutS: 1, status: 'timeout', errorType: /^Sandbox\.Timedout$/, shown: /^Task timed out after 1\.00 seconds$/, next: 'cold' },
  { name: 'an endless loop of microtasks', body: 'for (;;) await null;', timeoutS: 1, status: 'timeout', errorType: /^Sandbox\.Timedout$/, shown: /^Task timed out after 1\.00 seconds$/, next: 'cold' },
  { name: 'a promise that never settles', body: 'await new Promise(() => {});', timeoutS: 1, status: 'timeout', errorType: /^Sandbox\.Timedout$/, shown: /^Task timed out after 1\.00 seconds$/, next: 'cold' },
  { name: 'a memory bomb at a 3 s timeout', body: MEMORY_BOMB, timeoutS: 3, status: '(timeout|oom)', errorType: /^(Sandbox\.Timedout|Runtime\.OutOfMemory)$/, shown: /Task timed out after 3\.00 seconds|out of memory|memory limit/, next: 'cold', memory: /no figure came before this request ended|^\d+ \/ \d+ MB$/ },
  { name: 'a 100 MB result', body: "return 'x'.repeat(100 * 1024 * 1024);", timeoutS: 90, status: 'error', errorType: /^RequestEntityTooLarge$/, shown: /^Exceeded maximum allowed payload size \(6291556 bytes\); the response was 104857602 bytes\.$/, next: 'warm' },
  { name: 'a stack overflow', body: 'const dive = (n: number): number => dive(n + 1) + 1; dive(0);', status: 'error', errorType: /^RangeError$/, shown: /^Maximum call stack size exceeded$/, next: 'warm' },
  { name: 'timers left running', body: "setInterval(() => console.log('tick'), 1); return 'left a timer';", status: 'ok', shown: /^left a timer$/, next: 'warm' },
  { name: 'a thrown string', body: "throw 'plain words';", status: 'error', errorType: /^string$/, shown: /^plain words$/, next: 'warm' },
  { name: 'a thrown object', body: 'throw { code: 42 };', status: 'error', errorType: /^object$/, shown: /^\{"code":42\}$/, next: 'warm' },
  { name: 'a thrown null', body: 'throw null;', status: 'error', errorType: /^Error$/, shown: /^handler rejected with null$/, next: 'warm' },
];

describe('a hostile handler that runs away', () => {
  test.each(cases)('$name: a clear error on that request, the instance $next next, the page answering and the project kept', async (c) => {
    const outcome = await runHostile(suite.browser, `${suite.url}/playground/`, { body: c.body, ...(c.timeoutS ? { timeoutS: c.timeoutS } : {}) });
    rows.push(outcomeRow(c.name, outcome));
    expect(outcome.status).toMatch(new RegExp(`^${c.status}$`));
    if (c.errorType) {
      expect(outcome.error?.errorType).toMatch(c.errorType);
      expect(outcome.error?.errorMessage).toMatch(c.shown);
    } else {
      expect(outcome.value).toMatch(c.shown);
    }
    if (c.memory) expect(outcome.memoryShown).toMatch(c.memory);
    expectContained(outcome, c.next);
  }, 240_000);

  test('an unhandled rejection after the response: the request succeeded, the instance crashed with the rejection logged, and the next request starts a new one', async () => {
    const outcome = await runHostile(suite.browser, `${suite.url}/playground/`, {
      body: "setTimeout(() => { Promise.reject(new Error('late failure')); }, 50); return 'answered first';",
    });
    rows.push(outcomeRow('an unhandled rejection after the response', outcome));
    expect(outcome.status).toBe('ok');
    expect(outcome.value).toBe('answered first');
    expectContained(outcome, 'cold');
    const { page } = outcome;
    await page.locator('[data-hs-tab="logs"]').click();
    await expect.poll(() => page.locator('.hs-logs__line', { hasText: 'late failure' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('[data-hs-tab="timeline"]').click();
    expect(await page.locator('.hs-tl-end--crashed').count()).toBe(1);
  }, 240_000);

  test('200,000 log lines: the request succeeds, the Logs panel says the rest were dropped, the instance is kept', async () => {
    // A generous timeout: on a loaded machine 200,000 console.log calls can take longer than the default 3 s.
    const outcome = await runHostile(suite.browser, `${suite.url}/playground/`, { body: "for (let i = 0; i < 200_000; i++) console.log('line', i); return 'logged';", timeoutS: 60 });
    rows.push(outcomeRow('200,000 log lines', outcome));
    expect(outcome.status).toBe('ok');
    expect(outcome.value).toBe('logged');
    expectContained(outcome, 'warm');
    const { page } = outcome;
    await page.locator('[data-hs-tab="logs"]').click();
    await expect.poll(() => page.locator('.hs-logs__line', { hasText: 'the rest are dropped' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.hs-logs__line', { hasText: 'line 199999' }).count()).toBe(0);
  }, 240_000);
});

