/**
 * When a part of ours does not load (the connection dropped before the first Invoke), the playground says which
 * part, that it is not the code's fault, and that the code is saved; the code stays in the editor and in storage.
 * The built site is served by the suite; the part's URL is made to fail with a routed abort, as a lost connection
 * does.
 */
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from './support/suite.ts';
import { playgroundReady, replaceCode } from './support/playground-page.ts';

const suite = useBuiltSite();

describe('a part of the playground that does not load', () => {
  test.each([
    { part: "esbuild's wasm", url: /\.wasm(\?|$)/, path: '/playground/', said: ['Our compiler (esbuild-wasm) did not load', 'not your code', 'check your connection', 'Your code is saved'] },
    { part: "the compiler's worker", url: /\/browser-worker[^/]*\.js(\?|$)/, path: '/zh-cn/playground/', said: ['我们的编译器（esbuild-wasm）未能加载', '不是你的代码', '请检查网络连接', '你的代码已保存'] },
  ])('when $part fails to load, the page says our compiler did not load, never that the code has errors, and keeps the code', async ({ url, path, said }) => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const aborted: string[] = [];
    await page.route(url, async (route) => {
      aborted.push(route.request().url());
      await route.abort('internetdisconnected');
    });
    await page.goto(suite.url + path);
    await playgroundReady(page);
    const code = "export const main_handler = async () => ({ kept: 'offline 离线' });";
    await replaceCode(page, code);
    await page.locator('[data-hs="invoke"]').click();

    const status = page.locator('[data-hs="status"]');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(said[0]);
    const message = (await status.textContent()) ?? '';
    for (const words of said) expect(message).toContain(words);
    expect(message).not.toMatch(/Compilation failed|编译失败|marked in the editor|:0:0/);
    expect(await page.locator('[data-hs="result-status"]').count()).toBe(0);
    expect(aborted.length).toBeGreaterThan(0);

    const editor = (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    expect(editor).toContain("kept: 'offline 离线'");
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hello-serverless:projects:v2') ?? '{}'));
    const open = saved.projects.find((entry: { id: string }) => entry.id === saved.current);
    expect(open.project.files[open.project.entry]).toBe(code);
    await context.close();
  });
});
