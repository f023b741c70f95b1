import { describe, expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { pasteCode, playgroundReady } from './support/playground-page.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function open(path: string, options: BrowserContextOptions = desktop): Promise<{ page: Page; errors: string[] }> {
  const context = await suite.browser.newContext({ ...options, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  // This machine is shared and often loaded: a page can take longer than Playwright's default 30 s to load.
  page.setDefaultTimeout(90_000);
  const errors = collectErrors(page);
  await page.goto(suite.url + path);
  return { page, errors };
}

async function invoke(page: Page): Promise<void> {
  await page.locator('[data-hs="invoke"]').click();
  await page.locator('[data-hs="result-status"]').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy'), { timeout: 60_000 }).toBe(null);
}

// The platform keeps at most 2,000 lines of one request, so two warm requests write 3,800 lines numbered across both.
const manyLines = 'let n = 0;\nexport const main_handler = async () => {\n  for (let i = 1; i <= 1900; i++) console.log(`line ${++n}`);\n  return "done";\n};\n';

describe('the Logs panel says which lines it shows', () => {
  test.each([
    { path: '/playground/', showing: /^Showing lines ([\d,]+)–([\d,]+) of ([\d,]+); search finds all of them\.$/ },
    { path: '/zh-cn/playground/', showing: /^显示第 ([\d,]+)–([\d,]+) 行，共 ([\d,]+) 行；搜索能找到全部行。$/ },
  ])('$path: thousands of lines show as the latest 1,000, numbered, with the way to the earlier ones', { timeout: 240_000 }, async ({ path, showing }) => {
    const { page, errors } = await open(path);
    await playgroundReady(page);
    await pasteCode(page, manyLines);
    await invoke(page);
    await invoke(page);
    const badge = page.locator('[data-hs="log-count"]');
    await expect.poll(async () => Number((await badge.textContent())?.replaceAll(',', '')), { timeout: 60_000 }).toBeGreaterThanOrEqual(3800);
    await page.locator('[data-hs-tab="logs"]').click();
    const note = page.locator('[data-hs="log-window"]');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(showing);
    const [, first, last, total] = ((await note.textContent()) ?? '').match(showing) ?? [];
    const number = (text: string | undefined) => Number(text?.replaceAll(',', ''));
    // Every line is counted (the function's 3,800 and the platform's own), and the badge agrees.
    expect(number(total)).toBeGreaterThanOrEqual(3800);
    expect(await badge.textContent()).toBe(total);
    expect(number(last) - number(first) + 1).toBe(1000);
    expect(number(last)).toBe(number(total));
    const rows = page.locator('[data-hs="log-lines"] li');
    expect(await rows.count()).toBe(1000);
    expect(await rows.filter({ hasText: /line 3800$/ }).count()).toBe(1);
    expect(await rows.filter({ hasText: /line 2700$/ }).count()).toBe(0);

    await page.locator('[data-hs="log-earlier"]').click();
    expect(await rows.filter({ hasText: /line 2700$/ }).count()).toBe(1);
    expect(await rows.filter({ hasText: /line 3800$/ }).count()).toBe(0);
    expect(await note.textContent()).toMatch(showing);

    // Search looks through every kept line, the first included.
    await page.locator('[data-hs="log-search"]').fill('line 17');
    expect(await rows.filter({ hasText: /line 17$/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Chinese playground', () => {
  test('shows its template with Chinese comments and full-width brackets around the instance note', { timeout: 180_000 }, async () => {
    const { page, errors } = await open('/zh-cn/playground/');
    await playgroundReady(page);
    expect(await page.locator('.monaco-editor .view-lines').textContent()).toContain('模块顶层代码');
    await invoke(page);
    const instance = (await page.locator('[data-hs="result-instance"]').textContent()) ?? '';
    expect(instance).toMatch(/^实例 1（新实例）$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Invoke shortcut', () => {
  test('is Ctrl+Enter on Linux, ⌘+Enter on a Mac, and not named on a touch-only phone', { timeout: 180_000 }, async () => {
    const linux = await open('/playground/');
    await playgroundReady(linux.page);
    expect(await linux.page.locator('[data-hs="invoke"] kbd').textContent()).toBe('Ctrl+Enter');
    expect(await linux.page.locator('[data-hs="status"]').textContent()).toBe('Ready. Press Invoke or Ctrl+Enter.');
    await linux.page.context().close();

    const macContext = await suite.browser.newContext(desktop);
    await macContext.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' });
      Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => ({ platform: 'macOS' }) });
    });
    const mac = await macContext.newPage();
    mac.setDefaultTimeout(90_000);
    await mac.goto(`${suite.url}/zh-cn/playground/`);
    await playgroundReady(mac);
    expect(await mac.locator('[data-hs="invoke"] kbd').textContent()).toBe('⌘+Enter');
    expect(await mac.locator('[data-hs="status"]').textContent()).toBe('就绪。点“调用”或按 ⌘+Enter。');
    await macContext.close();

    const { page, errors } = await open('/playground/', phone);
    await playgroundReady(page);
    expect(await page.locator('[data-hs="invoke"] kbd').isVisible()).toBe(false);
    expect(await page.locator('[data-hs="status"]').textContent()).toBe('Ready. Press Invoke.');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the cold-start diagram', () => {
  test.each([
    { path: '/concepts/cold-starts/', hint: 'Scroll sideways to see the whole diagram →' },
    { path: '/zh-cn/concepts/cold-starts/', hint: '左右滑动可查看完整图示 →' },
  ])('$path: on a phone it scrolls and says so; on a desktop it fits and says nothing', async ({ path, hint }) => {
    const small = await open(path, phone);
    const figure = small.page.locator('.hs-diagram').first();
    const scroller = figure.locator('.hs-diagram__scroller');
    expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await figure.locator('.hs-diagram__hint').isVisible()).toBe(true);
    expect(await figure.locator('.hs-diagram__hint').textContent()).toBe(hint);
    await small.page.context().close();

    const wide = await open(path, desktop);
    const wideFigure = wide.page.locator('.hs-diagram').first();
    expect(await wideFigure.locator('.hs-diagram__scroller').evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(false);
    expect(await wideFigure.locator('.hs-diagram__hint').isVisible()).toBe(false);
    await wide.page.context().close();
  });
});

describe('page titles', () => {
  test('the home page does not repeat the site name; other pages add it once', async () => {
    const { page } = await open('/');
    expect(await page.title()).toBe('Hello Serverless: learn serverless by running it');
    await page.goto(`${suite.url}/zh-cn/`);
    expect(await page.title()).toBe('Hello Serverless：把 Serverless 跑起来再学');
    await page.goto(`${suite.url}/concepts/cold-starts/`);
    expect((await page.title()).match(/Hello Serverless/g)).toHaveLength(1);
    await page.context().close();
  });
});
