/**
 * The sandbox frame's process dies while no request runs (issue 13, items 3-4): its renderer is killed with
 * SIGKILL, as an out-of-memory killer would. The page notices by itself within about 2 s (its pings go unanswered);
 * an Invoke sent before that first asks the frame whether it lives, so it is never handed to the dead process's
 * warm instance: either way the Invoke runs cold on a new frame, on a new instance, and succeeds, without waiting
 * for any limit. memory-bomb.test.ts covers a death under a running request. Playwright calls the page crashed when the frame dies, so the page is looked at through
 * a fresh CDP connection afterwards.
 */
import { expect, test } from 'vitest';
import { useDebuggableSite } from './support/suite.ts';
import { invokeSettled, replaceCode } from './support/playground-page.ts';
import { loadPlayground } from './support/hostile-run.ts';

const suite = useDebuggableSite();

/** About 250 MB held from init on, so the frame's renderer is the one that grew. */
const HOLDS_MEMORY = 'const keep = Array.from({ length: 250 }, () => new Array(131_072).fill(Math.random())); export const main_handler = async () => ({ held: keep.length });';

test.each([
  { when: 'at once, before the page noticed', waitMs: 0 },
  { when: 'after the page has noticed', waitMs: 3000 },
])("a frame whose process died while idle: the next Invoke, $when, runs cold on a new frame and succeeds", async ({ waitMs }) => {
  const url = `${suite.url}/playground/`;
  const { chromium } = suite;
  const browser = await chromium.connect();
  let page = await browser.contexts()[0]!.newPage();
  await loadPlayground(page, url);
  await page.locator('[data-hs="settings"] summary').click();
  await page.locator('[data-hs="memory"]').selectOption('512');
  await replaceCode(page, HOLDS_MEMORY);
  const before = new Map((await chromium.renderers()).map((renderer) => [renderer.pid, renderer.rssBytes]));
  await page.locator('[data-hs="invoke"]').click();
  await invokeSettled(page);
  expect(await page.locator('[data-hs="result-value"]').textContent()).toContain('250');

  // The frame's renderer is the one that grew by the handler's 250 MB; the page's own grows far less.
  const grown = (await chromium.renderers())
    .map((renderer) => ({ ...renderer, growth: renderer.rssBytes - (before.get(renderer.pid) ?? 0) }))
    .sort((a, b) => b.growth - a.growth)
    .find((renderer) => renderer.growth > 200 * 1024 * 1024);
  expect(grown).toBeDefined();
  const crashed = new Promise((done) => page.once('crash', done));
  const killedAt = Date.now();
  process.kill(grown!.pid, 'SIGKILL');
  await crashed;
  page = await chromium.freshPage(url);
  await page.waitForTimeout(waitMs);
  const started = Date.now();
  await page.locator('[data-hs="invoke"]').click();
  await invokeSettled(page);
  console.log(`Invoke clicked ${started - killedAt} ms after the frame's death (reconnecting included): answered in ${Date.now() - started} ms`);
  expect(await page.locator('[data-hs="result-status"]').getAttribute('class')).toMatch(/hs-status--ok/);
  expect(await page.locator('[data-start]').getAttribute('data-start')).toBe('cold');
  expect(await page.locator('[data-hs="result-value"]').textContent()).toContain('250');
  await page.close();
}, 300_000);
