import { describe, expect, test } from 'vitest';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

describe('the landing page', () => {
  test.each([
    { path: '/', lang: 'en', heading: 'What you will learn', door: 'Playground' },
    { path: '/zh-cn/', lang: 'zh-CN', heading: '你会学到什么', door: '演练场' },
  ])('renders in $lang with its four doors and no console errors', async ({ path, lang, heading, door }) => {
    const page = await suite.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(suite.url + path, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await expect.poll(() => page.getByRole('heading', { name: heading }).count()).toBe(1);
    expect(await page.locator('.sl-link-card').count()).toBe(4);
    expect(await page.locator('.sl-link-card', { hasText: door }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the language picker', () => {
  test('switches a page to its twin and back', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.url}/start/how-to-use/`);
    await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
    await page.waitForURL('**/zh-cn/start/how-to-use/');
    expect(await page.locator('h1').first().textContent()).toBe('如何使用本站');
    await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
    await page.waitForURL((url) => url.pathname === '/start/how-to-use/');
    expect(await page.locator('h1').first().textContent()).toBe('How to use this site');
    await page.close();
  });
});

describe('search', () => {
  test.each([
    { path: '/', query: 'simulator', expected: 'How to use this site' },
    { path: '/zh-cn/', query: '模拟器', expected: '如何使用本站' },
    { path: '/', query: 'Le Kaisa', expected: 'Talk 5: serverless in a restaurant chain' },
    { path: '/zh-cn/', query: '乐凯撒', expected: '分享 5：Serverless 在连锁餐饮中的实践' },
    { path: '/', query: 'provisioned concurrency', expected: 'Glossary' },
    { path: '/zh-cn/', query: '预置并发', expected: '术语表' },
  ])('finds "$query" from $path', async ({ path, query, expected }) => {
    const page = await suite.browser.newPage();
    await page.goto(suite.url + path);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('dialog[open] input').fill(query);
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.allTextContents(), { timeout: 15_000 }).toContain(expected);
    await page.close();
  });
});

describe('a phone-sized screen', () => {
  test.each(['/', '/zh-cn/', '/start/how-to-use/'])('%s has no horizontal scroll at 390 px', async (path) => {
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(suite.url + path, { waitUntil: 'networkidle' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.close();
  });
});
