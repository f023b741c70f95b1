/**
 * The browser engine's promises, checked through the real playground page a person uses: user code cannot reach
 * the site's storage, an endless loop times out without freezing the page, a share link restores the code
 * without running it, a reload keeps the code, and Download zip gives a project that deploys.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from './support/suite.ts';
import { playgroundReady } from './support/playground-page.ts';

const suite = useBuiltSite();


async function openPlayground(url = `${suite.url}/playground/`): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.goto(url);
  await playgroundReady(page);
  return page;
}

/** One line of code typed over the whole open file (one line, so Monaco's auto-closing brackets add nothing). */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** The editor's visible text with Monaco's wrapping undone (the specs type one-line programs). */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '');
}

async function invokeAndWait(page: Page): Promise<void> {
  await page.locator('[data-hs="invoke"]').click();
  await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy'), { timeout: 30_000 }).toBe(null);
}

describe('the engine behind the playground page', () => {
  test("code run from the page cannot read the site's localStorage or cookies", async () => {
    const page = await openPlayground();
    await page.evaluate(() => {
      localStorage.setItem('site-secret', 'secret-from-the-site');
      document.cookie = 'site-secret=secret-from-the-site; path=/';
    });
    await typeCode(page, "export const main_handler = async () => { const g = globalThis as any; const read = (f: () => unknown) => { try { return String(f()); } catch (e) { return 'refused: ' + (e as Error).name; } }; return { storage: read(() => g.localStorage.getItem('site-secret')), cookie: read(() => g.document.cookie), origin: read(() => g.location.origin) }; };");
    await invokeAndWait(page);
    const value = JSON.parse((await page.locator('[data-hs="result-value"]').textContent()) ?? '{}');
    expect(value.storage).toMatch(/^refused/);
    expect(value.cookie).toMatch(/^refused/);
    expect(value.origin).not.toBe(suite.url);
    expect(JSON.stringify(value)).not.toContain('secret-from-the-site');
    await page.close();
  });

  test('an endless loop times out, the page keeps answering, and the next invoke starts a new instance', async () => {
    const page = await openPlayground();
    await page.locator('[data-hs="settings"] > summary').click();
    await page.locator('[data-hs="timeout"]').fill('1');
    await typeCode(page, 'export const main_handler = async (event: { spin?: boolean }) => { if (event.spin) { while (true) {} } return "answered"; };');
    await page.locator('[data-hs="event"]').fill('{ "spin": true }');
    await page.locator('[data-hs="invoke"]').click();
    await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy')).toBe('true');
    // While the instance spins, the page's own controls still respond.
    await page.locator('[data-hs-tab="logs"]').click();
    await expect.poll(() => page.locator('[data-hs-tab="logs"]').getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-hs-tab="result"]').click();
    await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-hs="result-error"]').textContent()).toContain('Task timed out after 1.00 seconds');
    await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy')).toBe(null);
    await page.locator('[data-hs="event"]').fill('{ "spin": false }');
    await invokeAndWait(page);
    expect(await page.locator('[data-hs="result-value"]').textContent()).toContain('answered');
    expect(await page.locator('[data-start]').getAttribute('data-start')).toBe('cold');
    await page.close();
  });

  test('a share link opens the same code in a fresh browser and runs nothing until Invoke', async () => {
    const sharer = await suite.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await sharer.newPage();
    await page.goto(`${suite.url}/playground/`);
    await playgroundReady(page);
    await typeCode(page, "export const main_handler = async () => ({ shared: 'from the link 分享' });");
    await page.locator('[data-hs="share"]').click();
    const notice = page.locator('[data-hs="notice"]');
    await notice.waitFor();
    const url = (await notice.textContent())?.match(/https?:\/\/\S+/)?.[0] ?? (await page.evaluate(() => navigator.clipboard.readText()));
    expect(url).toContain('#project=');
    await sharer.close();

    const fresh = await suite.browser.newContext();
    const opened = await fresh.newPage();
    await opened.goto(url);
    await playgroundReady(opened);
    expect(await editorText(opened)).toContain("shared: 'from the link 分享'");
    expect(await opened.locator('[data-hs="notice"]').textContent()).toContain('Nothing has run');
    expect(await opened.locator('[data-hs="result-status"]').count()).toBe(0);
    await opened.locator('[data-hs-tab="timeline"]').click();
    expect(await opened.locator('.hs-tl__target').count()).toBe(0);
    await opened.locator('[data-hs-tab="result"]').click();
    expect(new URL(opened.url()).hash).toBe('');
    await invokeAndWait(opened);
    expect(await opened.locator('[data-hs="result-value"]').textContent()).toContain('from the link');
    await fresh.close();
  });

  test('a reload keeps the edited code', async () => {
    const page = await openPlayground();
    await typeCode(page, "export const main_handler = async () => 'kept across a reload';");
    await invokeAndWait(page);
    await page.reload();
    await playgroundReady(page);
    expect(await editorText(page)).toContain("'kept across a reload'");
    await page.close();
  });

  test('Download zip gives the sources, the compiled handler and both deployment files', async () => {
    const page = await openPlayground();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-hs="download"]').click()]);
    expect(download.suggestedFilename()).toBe('hello-serverless-function.zip');
    const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
    const names = Object.keys(entries).map((name) => name.replace(/^hello-serverless-function\//, ''));
    expect(names).toEqual(expect.arrayContaining(['index.ts', 'greet.ts', 'layer/format.ts', 'index.js', 'package.json', 'serverless.yml', 'serverless.aws.yml', 'README.md', 'event.json']));
    const scf = strFromU8(entries['hello-serverless-function/serverless.yml'] ?? new Uint8Array());
    expect(scf).toContain('component: scf');
    expect(scf).toContain('handler: index.main_handler');
    expect(strFromU8(entries['hello-serverless-function/index.js'] ?? new Uint8Array())).toContain('main_handler');
    await page.close();
  });
});
