/**
 * The workshop's editor and checks on an exercise page, in headless Chromium against the built site:
 * - opening the editor: click to a Monaco editor on the page, and the JavaScript (gzip) it fetches;
 * - a check run: click to the last check's verdict, for exercise 01 (one quick request per check) and exercise 03
 *   (six requests, the first paying a cold start with a 200 ms menu load), each on a fresh platform.
 * Medians of the runs after a warm-up run; times are measured in the page.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import { builtSiteForBench } from './built-site.ts';

const RUNS = Number(process.env.CHECK_RUNS ?? 7);
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

const checkDone = `!document.querySelector('[data-hs="workbench-check"]').hasAttribute('aria-busy') && /^All /.test(document.querySelector('[data-hs="workbench-status"]').textContent)`;

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
      if (body) fetched.set(response.url(), gzipSync(body, { level: 9 }).length);
    });
    await page.goto(`${site.url}/workshop/${id}/`, { waitUntil: 'networkidle' });
    counting = true;
    const openMs = await timeInPage(page, '[data-hs-workbench-open]', `document.querySelector('[data-hs-workbench] .monaco-editor .view-lines') !== null`);
    await page.waitForLoadState('networkidle');
    counting = false;
    const openedKb = [...fetched.values()].reduce((sum, size) => sum + size, 0) / 1024;

    const solution = readFileSync(new URL(`../../content/exercises/${id}/solution.ts`, import.meta.url), 'utf8');
    await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
    await page.locator('[data-hs-workbench] .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await timeInPage(page, '[data-hs="workbench-check"]', checkDone);
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await timeInPage(page, '[data-hs="workbench-check"]', checkDone));
    results.push(
      `${id}: open the editor ${openMs.toFixed(0)} ms (${openedKb.toFixed(0)} KB gzip of JavaScript fetched); ` +
        `check run median ${median(runs).toFixed(0)} ms (runs: ${runs.map((ms) => ms.toFixed(0)).join(', ')})`,
    );
    await context.close();
  }
  for (const line of results) console.log(line);
} finally {
  await browser.close();
  await site.close();
}
