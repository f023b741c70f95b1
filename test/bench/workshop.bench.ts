/**
 * The workshop's editor and checks on an exercise page, in headless Chromium against the built site:
 * - opening the editor: click to an editor that takes typing (the plain text area Monaco later replaces), and to
 *   Monaco drawn; the JavaScript (gzip) fetched before the first, by part, and in all by the second;
 * - a check run: click to the last check's verdict, for exercise 01 (one quick request per check) and exercise 03
 *   (six requests, the first paying a cold start with a 200 ms menu load), each on a fresh platform.
 * Medians of the runs after a warm-up run; times are measured in the page.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import { builtSiteForBench } from './built-site.ts';

const RUNS = Number(process.env.CHECK_RUNS ?? 7);
/** What each fetched script is part of, for the shares of the JavaScript fetched before the editor is usable. */
const PARTS: [string, RegExp][] = [
  ['Monaco', /\/(editor\.api|editor\.worker|ts\.worker|tsMode|typescript|javascript|monaco-view|codicon)[^/]*$/],
  ['compiler', /\/(browser-worker|browser)[.-][^/]*$/],
  ['checks', /\/check[.-][^/]*$/],
];
const partOf = (url: string) => PARTS.find(([, pattern]) => pattern.test(url))?.[0] ?? 'workbench, platform and the rest';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Clicks `selector` and resolves with the milliseconds until `done` holds in the page. */
function timeInPage(page: Page, selector: string, done: string): Promise<number> {
  return page.evaluate(
    ({ selector, done }) =>
      new Promise<number>((resolve) => {
        const finished = new Function(`return (${done})`) as () => boolean;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!finished()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        document.querySelector<HTMLElement>(selector)?.click();
      }),
    { selector, done },
  );
}

/**
 * Clicks "edit and check" and resolves with the milliseconds until an editor takes typing and until Monaco is drawn,
 * and the page's clock at the click (for its resource timings).
 */
function timeOpening(page: Page): Promise<[number, number, number]> {
  return page.evaluate(
    () =>
      new Promise<[number, number, number]>((resolve) => {
        const workbench = document.querySelector('[data-hs-workbench]')!;
        const started = performance.now();
        let usable: number | undefined;
        const observer = new MutationObserver(() => {
          const monaco = workbench.querySelector('.monaco-editor .view-lines') !== null;
          if (usable === undefined && (monaco || workbench.querySelector('[data-hs="plain-editor"]') !== null)) usable = performance.now() - started;
          if (!monaco) return;
          observer.disconnect();
          resolve([usable ?? Number.NaN, performance.now() - started, started]);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        document.querySelector<HTMLElement>('[data-hs-workbench-open]')?.click();
      }),
  );
}

const checkDone = `!document.querySelector('[data-hs="workbench-check"]').hasAttribute('aria-busy') && /^All /.test(document.querySelector('[data-hs="workbench-status"]').textContent)`;

console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
const site = await serveStatic(builtSiteForBench());
const browser = await launchBrowser();
try {
  const results: string[] = [];
  for (const id of ['01-hello-api-gateway', '03-init-once']) {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const fetched = new Map<string, number>();
    let counting = false;
    page.on('response', async (response) => {
      if (!counting || !/\.m?js(\?|$)/.test(response.url())) return;
      const body = await response.body().catch(() => undefined);
      if (body) fetched.set(response.url(), gzipSync(body, { level: 9 }).length / 1024);
    });
    await page.goto(`${site.url}/workshop/${id}/`, { waitUntil: 'networkidle' });
    counting = true;
    const [usableMs, monacoMs, clickedAt] = await timeOpening(page);
    await page.waitForLoadState('networkidle');
    counting = false;
    // The page's own resource timings say which scripts had arrived when the editor took typing.
    const arrivedBeforeUsable = new Set(
      await page.evaluate(
        (usableAt) => performance.getEntriesByType('resource').filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= usableAt).map((entry) => entry.name),
        clickedAt + usableMs,
      ),
    );
    const before = [...fetched].filter(([url]) => arrivedBeforeUsable.has(url)).map(([url, kb]) => [url, { kb }] as const);
    const beforeKb = before.reduce((sum, [, file]) => sum + file.kb, 0);
    const shares = new Map<string, number>();
    for (const [url, file] of before) shares.set(partOf(url), (shares.get(partOf(url)) ?? 0) + file.kb);
    const openedKb = [...fetched.values()].reduce((sum, kb) => sum + kb, 0);

    const solution = readFileSync(new URL(`../../content/exercises/${id}/solution.ts`, import.meta.url), 'utf8');
    await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
    await page.locator('[data-hs-workbench] .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await timeInPage(page, '[data-hs="workbench-check"]', checkDone);
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await timeInPage(page, '[data-hs="workbench-check"]', checkDone));
    results.push(
      `${id}: editor usable ${usableMs.toFixed(0)} ms after the click (goal <= 400 ms), ${beforeKb.toFixed(0)} KB gzip of JavaScript fetched before (` +
        `${[...shares].map(([part, kb]) => `${part} ${kb.toFixed(0)} KB, ${((100 * kb) / beforeKb).toFixed(0)} %`).join('; ')}); ` +
        `Monaco drawn ${monacoMs.toFixed(0)} ms, ${openedKb.toFixed(0)} KB gzip of JavaScript in all; ` +
        `check run median ${median(runs).toFixed(0)} ms (runs: ${runs.map((ms) => ms.toFixed(0)).join(', ')}); load average now ${loadavg()[0]?.toFixed(2)}`,
    );
    await context.close();
  }
  for (const line of results) console.log(line);
} finally {
  await browser.close();
  await site.close();
}
