/**
 * The site offline, with the network really gone: the spec stops the static server (Playwright's setOffline does
 * not reach a service worker's own fetches) and goes on in the same Chromium. The host sends no isolation headers,
 * so an isolated page offline proves the service worker added them to what it served from its cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { playgroundReady } from './support/playground-page.ts';
import { builtSiteDir } from './support/site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the page's service worker is active, has precached the build, and controls the page. */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
}

async function heading(page: Page, url: string): Promise<string | null> {
  await page.goto(url);
  return page.locator('h1').first().textContent();
}

async function search(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(url);
  await page.locator('button[data-open-modal]').first().click();
  await page.locator('dialog[open] input').fill(query);
  const results = page.locator('.pagefind-ui__result-link');
  await results.first().waitFor({ timeout: 15_000 });
  return results.allTextContents();
}

async function serverIsGone(site: StaticSite): Promise<void> {
  await site.close();
  await expect(fetch(site.url)).rejects.toThrow();
}

describe('offline after one visit', () => {
  test('docs pages visited, the playground, a workshop check and search in both languages work with the server stopped', async () => {
    const site = await serveStatic(builtSiteDir(), { isolationHeaders: false });
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      await serviceWorkerInControl(page);
      const visited = ['/start/how-to-use/', '/zh-cn/start/how-to-use/', '/zh-cn/concepts/cold-starts/', '/workshop/03-init-once/'];
      for (const path of visited) await page.goto(site.url + path);

      await serverIsGone(site);

      expect(await heading(page, `${site.url}/start/how-to-use/`)).toBe('How to use this site');
      await page.reload();
      expect(await page.locator('h1').first().textContent()).toBe('How to use this site');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      // A page never opened says so, in its language, instead of the browser's error page.
      expect(await heading(page, `${site.url}/concepts/keep-alive/`)).toBe('You are offline');
      expect(await heading(page, `${site.url}/zh-cn/concepts/keep-alive/`)).toBe('当前处于离线状态');
      expect(await heading(page, `${site.url}/zh-cn/start/how-to-use/`)).toBe('如何使用本站');
      // Following a link, as a reader does.
      await page.locator('a[href="/zh-cn/concepts/cold-starts/"]').first().click();
      await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 }).toBe('冷启动剖析');

      // The playground was never opened online: its page, Monaco, esbuild-wasm and the runtime come from the precache.
      await page.goto(`${site.url}/playground/`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      await playgroundReady(page);
      await page.locator('[data-hs="invoke"]').click();
      await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-hs="result-status"]').textContent()).toBe('Succeeded');

      await page.goto(`${site.url}/workshop/03-init-once/`);
      await page.locator('[data-hs-workbench-open]').click();
      await page.locator('[data-hs-workbench] .monaco-editor').waitFor({ timeout: 30_000 });
      await page.locator('[data-hs="workbench-check"]').click();
      await expect.poll(() => page.locator('[data-hs="workbench-check"]').getAttribute('aria-busy'), { timeout: 30_000 }).toBeNull();
      expect(await page.locator('[data-hs="workbench-status"]').textContent()).toBe('1 of 2 checks pass.');

      expect(await search(page, `${site.url}/`, 'simulator')).toContain('How to use this site');
      expect(await search(page, `${site.url}/zh-cn/`, '模拟器')).toContain('如何使用本站');
    } finally {
      await context.close();
      await site.close();
    }
  }, 300_000);
});

describe("esbuild's WebAssembly on a page the worker controls", () => {
  test('streams from the server, where Chromium keeps its compiled code, not from the precache', async () => {
    const wasmRequests: string[] = [];
    const site = await serveStatic(builtSiteDir(), { onRequest: (request) => void (/\.wasm(\?|$)/.test(request.url ?? '') && wasmRequests.push(request.url ?? '')) });
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      await serviceWorkerInControl(page);
      // The install fetched it for the precache; from here on, only the compiler's own request may reach the server.
      wasmRequests.length = 0;
      await page.goto(`${site.url}/playground/`);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await playgroundReady(page);
      await page.locator('[data-hs="invoke"]').click();
      await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-hs="result-status"]').textContent()).toBe('Succeeded');
      expect(wasmRequests).toEqual([expect.stringMatching(/^\/_astro\/esbuild[^/?]*\.wasm$/)]);
    } finally {
      await context.close();
      await site.close();
    }
  }, 120_000);
});

/**
 * A copy of the built site that a browser takes for a new deployment: every file linked from `dir` but sw.js,
 * whose build version (what names the pages cache) is changed, as the next build's worker would differ.
 */
function nextBuildOf(dir: string, into: string, version: string, nextVersion: string): string {
  const next = mkdtempSync(join(into, 'next-build-'));
  for (const name of readdirSync(dir)) if (name !== 'sw.js') symlinkSync(join(dir, name), join(next, name));
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  if (!worker.includes(`"${version}"`)) throw new Error(`sw.js does not name build ${version}`);
  writeFileSync(join(next, 'sw.js'), worker.replaceAll(`"${version}"`, `"${nextVersion}"`));
  return next;
}

/** The build versions named by the page's caches of visited pages. */
function pageCacheVersions(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('hs-pages-')).map((name) => name.slice('hs-pages-'.length)));
}

describe('a new deployment', () => {
  test.each([
    { path: '/start/how-to-use/', ready: 'A new version of this site is ready.', reload: 'Reload' },
    { path: '/zh-cn/start/how-to-use/', ready: '本站有新版本可用。', reload: '重新加载' },
  ])('on $path the page says a new version is ready and loads it only when the user says so', async ({ path, ready, reload }) => {
    const dir = builtSiteDir();
    // One server whose files change under it: the new build is served at the same origin, as a deployment is.
    const root = mkdtempSync(join(tmpdir(), 'hs-deployed-'));
    const live = join(root, 'site');
    symlinkSync(dir, live);
    const site = await serveStatic(live);
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      await serviceWorkerInControl(page);
      await page.goto(site.url + path);
      const [version] = await pageCacheVersions(page);
      expect(version).toMatch(/^[0-9a-f]{16}$/);
      const nextVersion = 'f'.repeat(16);

      rmSync(live);
      symlinkSync(nextBuildOf(dir, root, version!, nextVersion), live);
      await page.reload();
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      const notice = page.locator('.hs-update');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.textContent()).toContain(ready);
      expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

      await notice.getByRole('button', { name: reload }).click();
      await expect.poll(() => page.evaluate(() => 'notReloaded' in window), { timeout: 15_000 }).toBe(false);
      await expect.poll(() => pageCacheVersions(page)).toEqual([nextVersion]);
      expect(await page.locator('.hs-update').count()).toBe(0);
    } finally {
      await context.close();
      await site.close();
      rmSync(root, { recursive: true });
    }
  }, 120_000);
});

describe('installing the site', () => {
  test.each([
    { path: '/', manifest: '/manifest.webmanifest', lang: 'en', start: '/' },
    { path: '/zh-cn/start/how-to-use/', manifest: '/zh-cn/manifest.webmanifest', lang: 'zh-CN', start: '/zh-cn/' },
  ])('$path links the $lang manifest and Chromium finds the site installable', async ({ path, manifest, lang, start }) => {
    const site = await serveStatic(builtSiteDir());
    const page = await browser.newPage();
    try {
      await page.goto(site.url + path);
      const cdp = await page.context().newCDPSession(page);
      const { url, data, errors } = (await cdp.send('Page.getAppManifest', {})) as { url: string; data?: string; errors: unknown[] };
      expect(url).toBe(site.url + manifest);
      expect(errors).toEqual([]);
      expect(JSON.parse(data ?? '{}')).toMatchObject({ lang, start_url: start, name: 'Hello Serverless' });
      // Playwright's contexts are incognito, where Chromium installs nothing; every other reason must be absent.
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});

