/**
 * One hostile handler tried in the real playground page, as the hostile suites do case by case: the hostile code
 * runs only when the event says `"hostile": true`, so the next Invoke (same code, same settings, a plain event)
 * shows whether the platform kept the instance (warm) or replaced it (cold). While the hostile request runs, the
 * page's responsiveness is measured; the project (editor text and saved storage) is read before and after.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { invokeSettled, playgroundReady, projectSnapshot, replaceCode, resultError, setTimeoutSeconds } from './playground-page.ts';
import { describeResponsiveness, measureResponsiveness, type Responsiveness } from './responsiveness.ts';

export const STILL_HERE = 'still here';

/** About 200 MB/s: ten 1 MB arrays every 50 ms, for ever (statements for an async handler's body). */
export const MEMORY_BOMB = 'const keep: number[][] = []; for (;;) { for (let i = 0; i < 10; i++) keep.push(new Array(131_072).fill(Math.random())); await new Promise((r) => setTimeout(r, 50)); }';

/** A handler that does `body` when the event asks for it and otherwise answers STILL_HERE. */
export function hostileHandler(body: string): string {
  return `export const main_handler = async (event: any, context: any) => { if (event.hostile) { ${body} } return '${STILL_HERE}'; };`;
}

export interface HostileSetup {
  /** The statements run on the hostile request, inside an async handler (`event` and `context` in scope). */
  body: string;
  timeoutS?: number;
  /** Fields added to the hostile request's event. */
  event?: Record<string, unknown>;
  /** Runs in the page before the code is typed (to plant a cookie, say). */
  prepare?: (page: Page) => Promise<void>;
}

export interface HostileOutcome {
  /** The result panel's status class suffix (ok, error, timeout, oom, crashed) and its words. */
  status: string;
  statusText: string;
  error: { errorType: string; errorMessage: string } | undefined;
  value: string | undefined;
  /** The result's "Max memory used" row (English pages). */
  memoryShown: string | undefined;
  /** The plain Invoke after: its start (cold: the instance was replaced) and its value. */
  next: { start: string | null; value: string | undefined };
  projectBefore: Awaited<ReturnType<typeof projectSnapshot>>;
  projectAfter: Awaited<ReturnType<typeof projectSnapshot>>;
  responsiveness: Responsiveness;
  page: Page;
}

/** Closes every page the suite opened (each has a context of its own), whether its test passed or not. */
export async function closePages(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()));
}

export async function openPlayground(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await loadPlayground(page, url);
  return page;
}

/** Opens `url` in `page` and waits until it can be used, allowing for a machine too loaded for playgroundReady's own waits. */
export async function loadPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 90_000 });
  await page.locator('[data-hs="plain-editor"], .monaco-editor').first().waitFor({ timeout: 90_000 });
  await playgroundReady(page);
}

/** Runs the case on a new page at `url` (a playground page); the caller closes `outcome.page`. */
export async function runHostile(browser: Browser, url: string, setup: HostileSetup): Promise<HostileOutcome> {
  const page = await openPlayground(browser, url);
  await setup.prepare?.(page);
  if (setup.timeoutS !== undefined) await setTimeoutSeconds(page, setup.timeoutS);
  const code = hostileHandler(setup.body);
  await replaceCode(page, code);
  // Monaco draws a paste on a later frame; on a loaded machine "before" must not catch the text it replaced.
  await expect.poll(async () => (await projectSnapshot(page)).editor, { timeout: 10_000 }).toContain(code.replace(/\s+/g, '').slice(0, 90));
  const hostileEvent = JSON.stringify({ hostile: true, ...setup.event });
  await page.locator('[data-hs="event"]').fill(hostileEvent);
  // Saved is debounced: wait until storage holds this code and this event, so "before" is what the user has.
  await expect.poll(async () => Object.values((await projectSnapshot(page)).saved).join('\n'), { timeout: 10_000 }).toContain(JSON.stringify(hostileEvent).slice(1, -1));
  const projectBefore = await projectSnapshot(page);

  await page.locator('[data-hs="invoke"]').click();
  const { responsiveness } = await measureResponsiveness(page, () => invokeSettled(page, 90_000));
  const statusElement = page.locator('[data-hs="result-status"]');
  // A request that never reached the platform leaves a message in the result panel instead: say what it was.
  if ((await statusElement.count()) === 0) throw new Error(`no result status after Invoke; the result panel said: ${(await page.locator('[data-hs="result-message"]').allInnerTexts()).join(' ') || await page.locator('[data-hs="status"]').innerText()}`);
  const status = /hs-status--(\w+)/.exec((await statusElement.getAttribute('class')) ?? '')?.[1] ?? 'none';
  const statusText = (await statusElement.textContent()) ?? '';
  const error = (await page.locator('[data-hs="result-error"]').count()) > 0 ? await resultError(page) : undefined;
  const value = (await page.locator('[data-hs="result-value"]').count()) > 0 ? ((await page.locator('[data-hs="result-value"]').textContent()) ?? undefined) : undefined;
  const memoryRow = page.locator('.hs-result__facts dt:text-is("Max memory used") + dd');
  const memoryShown = (await memoryRow.count()) > 0 ? ((await memoryRow.textContent()) ?? undefined) : undefined;
  const projectAfter = await projectSnapshot(page);

  await page.locator('[data-hs="event"]').fill('{}');
  await page.locator('[data-hs="invoke"]').click();
  await invokeSettled(page, 30_000);
  const next = {
    start: await page.locator('[data-start]').getAttribute('data-start'),
    value: (await page.locator('[data-hs="result-value"]').count()) > 0 ? ((await page.locator('[data-hs="result-value"]').textContent()) ?? undefined) : undefined,
  };
  return { status, statusText, error, value, memoryShown, next, projectBefore, projectAfter, responsiveness, page };
}

/** What the suites print at the end: one line per case, for the notes. */
export function outcomeRow(name: string, outcome: HostileOutcome): string {
  const shown = outcome.error ? `${outcome.error.errorType}: ${outcome.error.errorMessage}` : `value ${outcome.value ?? '—'}`;
  const replaced = outcome.next.start === 'cold' ? 'replaced (next cold)' : 'kept (next warm)';
  return `| ${name} | ${outcome.statusText} | ${shown.slice(0, 160).replace(/\|/g, '\\|').replace(/\n/g, ' ')} | ${replaced} | ${describeResponsiveness(outcome.responsiveness)} |`;
}

/** The assertions every hostile case shares: the page answered throughout, the project is intact, the next Invoke works. */
export function expectContained(outcome: HostileOutcome, next: 'cold' | 'warm'): void {
  expect(outcome.responsiveness.frames).toBeGreaterThan(0);
  expect(outcome.responsiveness.inputDelaysMs).toHaveLength(outcome.responsiveness.clicks);
  expect(outcome.projectAfter).toEqual(outcome.projectBefore);
  expect(outcome.next.value).toBe(STILL_HERE);
  expect(outcome.next.start).toBe(next);
}
