/**
 * When a part of ours does not load (the connection dropped before the first Invoke), the playground says which
 * part, that it is not the code's fault, and that the code is saved; the code stays in the editor and in storage.
 * Each case serves the built site from a server of its own that closes the connection on the part's requests, as
 * a lost connection does. (A routed abort in Playwright would not do: the compiler is a SharedWorker, whose
 * requests a page's routes never see.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { serveBuiltSite } from './support/site.ts';
import { playgroundReady, replaceCode } from './support/playground-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a part of the playground that does not load', () => {
  test.each([
    { part: "esbuild's wasm", url: /\.wasm(\?|$)/, path: '/playground/', said: ['Our compiler (esbuild-wasm) did not load', 'not your code', 'check your connection', 'Your code is saved'] },
    { part: "the compiler's worker", url: /\/browser-worker[^/]*\.js(\?|$)/, path: '/zh-cn/playground/', said: ['我们的编译器（esbuild-wasm）未能加载', '不是你的代码', '请检查网络连接', '你的代码已保存'] },
  ])('when $part fails to load, the page says our compiler did not load, never that the code has errors, and keeps the code', async ({ url, path, said }) => {
    const dropped: string[] = [];
    const site = await serveBuiltSite({ dropped: url, onRequest: (request) => url.test(request.url ?? '') && dropped.push(request.url ?? '') });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + path);
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
    expect(dropped.length).toBeGreaterThan(0);

    const editor = (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    expect(editor).toContain("kept: 'offline 离线'");
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hello-serverless:projects:v2') ?? '{}'));
    const open = saved.projects.find((entry: { id: string }) => entry.id === saved.current);
    expect(open.project.files[open.project.entry]).toBe(code);
    await context.close();
    await site.close();
  });
});
