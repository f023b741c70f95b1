import { describe, expect, test } from 'vitest';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

describe('an example embedded in a docs page', () => {
  test.each([
    { path: '/concepts/instance-lifecycle/', ok: 'Succeeded', comments: /^[^\p{Script=Han}]+$/u },
    { path: '/zh-cn/concepts/instance-lifecycle/', ok: '成功', comments: /\p{Script=Han}/u },
  ])('$path shows the code, commented in its language, without running anything, then runs it on click', async ({ path, ok, comments }) => {
    const page = await suite.browser.newPage();
    const errors = collectErrors(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(suite.url + path, { waitUntil: 'networkidle' });
    const example = page.locator('.hs-example').first();
    expect(await example.locator('figure, .expressive-code').count()).toBeGreaterThan(0);
    const firstComment = (await example.locator('.expressive-code code').first().innerText()).split('\n').find((line) => line.trim().startsWith('//'));
    expect(firstComment).toMatch(comments);
    expect(workers).toEqual([]);

    await example.locator('[data-hs-run]').click();
    const status = example.locator('[data-hs="result-status"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe(ok);
    expect(await example.locator('[data-start]').getAttribute('data-start')).toBe('cold');

    await example.locator('[data-hs="runner-run"]').click();
    await expect.poll(() => example.locator('[data-start]').getAttribute('data-start'), { timeout: 30_000 }).toBe('warm');
    await expect.poll(() => example.locator('.hs-tl__target').count(), { timeout: 10_000 }).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('"Open in the playground" carries the example there without running it', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.url}/concepts/instance-lifecycle/`);
    const example = page.locator('.hs-example').first();
    await example.locator('[data-hs-run]').click();
    await example.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
    await example.locator('[data-hs="runner-open"]').click();
    await page.waitForURL('**/playground/**');
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    expect(await page.locator('.monaco-editor .view-lines').textContent()).toContain('coldStart');
    expect(await page.locator('[data-hs="notice"]').textContent()).toMatch(/Nothing has run/);
    expect(await page.locator('[data-hs="result-status"]').count()).toBe(0);
    await page.close();
  });

  test('a docs page without examples ships no playground code', async () => {
    const page = await suite.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${suite.url}/start/how-to-use/`, { waitUntil: 'networkidle' });
    expect(scripts.filter((url) => /Example|example-run|app\.|code-editor|editor\.api/.test(url))).toEqual([]);
    await page.close();
  });
});
