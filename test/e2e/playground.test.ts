import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';
import { playgroundReady } from './support/playground-page.ts';

const suite = useBuiltSite();

async function openPlayground(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(suite.url + path);
  await playgroundReady(page);
  return { page, errors };
}

/** Replaces the open file's text the way a person would: select all, then type (paste) the new text. */
async function replaceCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function invoke(page: Page): Promise<void> {
  const before = await page.locator('.hs-tl__target').count();
  await page.locator('[data-hs="invoke"]').click();
  await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy'), { timeout: 30_000 }).toBe(null);
  await page.locator('[data-hs-tab="timeline"]').click();
  await expect.poll(() => page.locator('.hs-tl__target').count(), { timeout: 10_000 }).toBe(before + 1);
  await page.locator('[data-hs-tab="result"]').click();
}

describe('the playground', () => {
  test.each([
    { path: '/playground/', lang: 'en', ok: 'Succeeded', cold: 'cold', warm: 'warm' },
    { path: '/zh-cn/playground/', lang: 'zh-CN', ok: '成功', cold: '冷', warm: '热' },
  ])('in $lang: the template runs cold, then warm on the same instance, and the timeline shows both', async ({ path, lang, ok, cold, warm }) => {
    const { page, errors } = await openPlayground(path);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    await invoke(page);
    expect(await page.locator('[data-hs="result-status"]').textContent()).toBe(ok);
    expect(await page.locator('[data-start]').getAttribute('data-start')).toBe('cold');
    expect(await page.locator('.hs-badge').textContent()).toContain(cold);
    // The panel shows the gateway response's JSON body parsed, next to the raw returned value.
    const first = JSON.parse((await page.locator('[data-hs="result-body"]').textContent()) ?? '{}');
    expect(JSON.parse(JSON.parse((await page.locator('[data-hs="result-value"]').textContent()) ?? '{}').body)).toEqual(first);
    expect(first).toMatchObject({ invocationsOnThisInstance: 1, visitsInTmp: 1 });

    await invoke(page);
    expect(await page.locator('[data-start]').getAttribute('data-start')).toBe('warm');
    expect(await page.locator('.hs-badge').textContent()).toContain(warm);
    const second = JSON.parse((await page.locator('[data-hs="result-body"]').textContent()) ?? '{}');
    // Module scope and /tmp survived the warm invoke: the lesson the template teaches.
    expect(second).toMatchObject({ invocationsOnThisInstance: 2, visitsInTmp: 2, instanceStartedAt: first.instanceStartedAt });
    expect(await page.locator('[data-hs="result-instance"]').textContent()).toMatch(/1/);

    await page.locator('[data-hs-tab="timeline"]').click();
    expect(await page.locator('.hs-tl-phase--handler.hs-tl-cold').count()).toBe(1);
    expect(await page.locator('.hs-tl-phase--handler.hs-tl-warm').count()).toBe(1);
    expect(await page.locator('.hs-tl-tag--cold').count()).toBe(1);
    expect(await page.locator('.hs-tl-lane-label').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an edit is what runs, and its console output is in the logs tagged with the request', async () => {
    const { page } = await openPlayground('/playground/');
    // One line, so Monaco's bracket auto-closing (which the typed closing brackets overtype) adds nothing.
    await replaceCode(page, "export const main_handler = async (event: { n?: number }) => { console.log('edited handler ran'); return { doubled: (event.n ?? 0) * 2 }; };");
    await page.locator('[data-hs="event"]').fill('{ "n": 21 }');
    await invoke(page);
    expect(JSON.parse((await page.locator('[data-hs="result-value"]').textContent()) ?? '{}')).toEqual({ doubled: 42 });
    await page.locator('[data-hs-tab="logs"]').click();
    const line = page.locator('.hs-logs__line', { hasText: 'edited handler ran' });
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
    expect(await line.getAttribute('data-request-id')).toMatch(/\S+/);
    await page.close();
  });

  test.each([
    { browser: 'with SharedWorker (desktop Chromium)', shared: true, dedicated: 0 },
    { browser: 'without SharedWorker (as Chrome on Android)', shared: false, dedicated: 1 },
  ])('$browser: the compiler runs in the worker the browser offers, and an edit runs', async ({ shared, dedicated }) => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (!shared) await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'SharedWorker'));
    const compilerWorkers: string[] = [];
    page.on('worker', (worker) => /\/browser-worker[^/]*\.js/.test(worker.url()) && compilerWorkers.push(worker.url()));
    await page.goto(suite.url + '/playground/');
    await playgroundReady(page);
    await replaceCode(page, 'export const main_handler = async (event: { n?: number }) => ({ tripled: (event.n ?? 0) * 3 });');
    await page.locator('[data-hs="event"]').fill('{ "n": 14 }');
    await invoke(page);
    expect(JSON.parse((await page.locator('[data-hs="result-value"]').textContent()) ?? '{}')).toEqual({ tripled: 42 });
    // Playwright reports dedicated workers only: the shared compiler is not among them.
    expect(compilerWorkers).toHaveLength(dedicated);
    await page.close();
  });

  test('Ctrl+Enter in the editor invokes', async () => {
    const { page } = await openPlayground('/playground/');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-start]').getAttribute('data-start')).toBe('cold');
    await page.locator('[data-hs-tab="timeline"]').click();
    await page.waitForTimeout(500);
    // One key press, one request: the editor's shortcut and the page's must not both fire.
    expect(await page.locator('.hs-tl__target').count()).toBe(1);
    await page.close();
  });

  test('a syntax error is marked in the editor and nothing runs', async () => {
    const { page } = await openPlayground('/playground/');
    await replaceCode(page, 'export const main_handler = async () => {\n  return { ok: true ;\n};\n');
    await page.locator('[data-hs="invoke"]').click();
    await page.locator('[data-hs="result-message"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-hs="result-message"]').textContent()).toMatch(/index\.ts:2/);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('.hs-tl__target').count()).toBe(0);
    expect(await page.locator('[data-hs="result-status"]').count()).toBe(0);
    await page.close();
  });

  test('an invalid event says where it is wrong and nothing runs', async () => {
    const { page } = await openPlayground('/playground/');
    await page.locator('[data-hs="event"]').fill('{\n  "a": 1,\n}');
    await page.locator('[data-hs="invoke"]').click();
    const error = page.locator('[data-hs="event-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/line 3, column 1/);
    expect(await page.locator('[data-hs="result-status"]').count()).toBe(0);
    await page.close();
  });

  test('switching to Lambda offers the Lambda template, which runs with the Lambda event', async () => {
    const { page } = await openPlayground('/playground/');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-hs="dialect"]').selectOption('lambda');
    await expect.poll(() => page.locator('.monaco-editor .view-lines').textContent(), { timeout: 10_000 }).toContain('APIGatewayProxyEvent');
    expect(await page.locator('[data-hs="event"]').inputValue()).toContain('"resource"');
    await invoke(page);
    expect(await page.locator('[data-hs="result-status"]').getAttribute('class')).toContain('hs-status--ok');
    expect(await page.locator('.hs-result__report').textContent()).toMatch(/^REPORT RequestId: \S+\tDuration: /);
    await page.close();
  });

  test('with a provisioned instance the first request is already warm', async () => {
    const { page } = await openPlayground('/playground/');
    await page.locator('.hs-pg__settings summary').click();
    await page.locator('[data-hs="provisioned"]').fill('1');
    await page.locator('[data-hs="provisioned"]').dispatchEvent('change');
    await invoke(page);
    expect(await page.locator('[data-start]').getAttribute('data-start')).toBe('warm');
    await page.locator('[data-hs-tab="timeline"]').click();
    expect(await page.locator('.hs-tl-lane-label').first().textContent()).toContain('★');
    expect(await page.locator('.hs-tl-phase--handler.hs-tl-cold').count()).toBe(0);
    await page.close();
  });

  test('a load run accounts for every request and charts it', async () => {
    const { page } = await openPlayground('/playground/');
    await page.locator('[data-hs-tab="load"]').click();
    await page.locator('[data-hs="load-requests"]').fill('24');
    await page.locator('[data-hs="load-concurrency"]').fill('4');
    // Every time the progress line changes, the summary must already count the same requests.
    await page.evaluate(() => {
      const seen: Array<[string, string]> = [];
      Object.assign(window, { progressVsSummary: seen });
      const progress = document.querySelector('.hs-load__progress-text');
      new MutationObserver(() => {
        seen.push([progress?.textContent?.match(/\d+/)?.[0] ?? '', document.querySelector('[data-stat="requests"]')?.textContent ?? '']);
      }).observe(progress!, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('[data-hs="load-start"]').click();
    await expect.poll(() => page.locator('[data-stat="requests"]').textContent(), { timeout: 30_000 }).toBe('24');
    const pairs = await page.evaluate(() => (window as unknown as { progressVsSummary: Array<[string, string]> }).progressVsSummary);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [done, counted] of pairs) expect(counted).toBe(done === '0' ? '' : done);
    const axisEnds = await page.locator('.hs-chart').evaluateAll((charts) => charts.map((chart) => [...chart.querySelectorAll('.hs-chart__axis')].at(-1)?.textContent));
    expect(new Set(axisEnds).size).toBe(1);
    await expect.poll(() => page.locator('[data-hs="load-start"]').isEnabled(), { timeout: 30_000 }).toBe(true);
    const stat = async (key: string) => Number(await page.locator(`[data-stat="${key}"]`).textContent());
    expect((await stat('ok')) + (await stat('failed')) + (await stat('throttled'))).toBe(24);
    expect(await stat('ok')).toBe(24);
    expect(await stat('cold')).toBeGreaterThanOrEqual(1);
    expect(await stat('cold')).toBeLessThanOrEqual(4);
    expect(await page.locator('.hs-chart').count()).toBe(3);
    await page.close();
  });

  test('a reload keeps the edited code, settings and event', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.url}/playground/`);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await replaceCode(page, "export const main_handler = async () => 'keptAcrossReloads';");
    await page.locator('.hs-pg__settings summary').click();
    await page.locator('[data-hs="timeout"]').fill('7');
    await page.locator('[data-hs="timeout"]').dispatchEvent('change');
    await page.locator('[data-hs="event"]').fill('{ "kept": true }');
    await page.waitForTimeout(1500);
    await page.reload();
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.monaco-editor .view-lines').textContent(), { timeout: 10_000 }).toContain('keptAcrossReloads');
    expect(await page.locator('[data-hs="timeout"]').inputValue()).toBe('7');
    expect(await page.locator('[data-hs="event"]').inputValue()).toBe('{ "kept": true }');
    await context.close();
  });

  test('a corrupt saved project is reported and the template is used', async () => {
    const page = await suite.browser.newPage();
    await page.addInitScript(() => {
      if (location.pathname.startsWith('/playground')) localStorage.setItem('hello-serverless:project:v1', '{"entry": 42');
    });
    await page.goto(`${suite.url}/playground/`);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    const notice = page.locator('[data-hs="notice"]');
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice.textContent()).toMatch(/could not be read/);
    expect(await page.locator('.monaco-editor .view-lines').textContent()).toContain('main_handler');
    await page.close();
  });

  test('at phone width the panels stack under the editor and the page does not scroll sideways', async () => {
    const { page } = await openPlayground('/playground/', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const code = await page.locator('.hs-pg__code').boundingBox();
    const side = await page.locator('.hs-pg__side').boundingBox();
    expect(code && side && side.y >= code.y + code.height).toBe(true);
    await invoke(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.close();
  });
});
