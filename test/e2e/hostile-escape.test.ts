/**
 * Hostile handlers that try to get out (issue 13): end their worker, post to the page, forge protocol messages,
 * load code from another URL, reach the site's cookies, storage or DOM, and code that never compiles. Each ends
 * with a clear error on that request only, the page answering throughout (figures printed), the project
 * unchanged; the site's secrets appear nowhere. A few cases run on the Chinese page too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { builtSiteDir } from './support/site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';
import { closePages, expectContained, openPlayground, outcomeRow, runHostile } from './support/hostile-run.ts';
import { projectSnapshot, replaceCode } from './support/playground-page.ts';

const SECRET = 'secret-of-the-site';
let site: StaticSite;
let browser: Browser;
/** Requests that reached the site from a probe path, with the cookies they carried. */
const probes: { url: string; cookie: string | undefined }[] = [];
const rows: string[] = [];

beforeAll(async () => {
  site = await serveStatic(builtSiteDir(), {
    onRequest: (request) => {
      if (request.url?.startsWith('/hs-probe')) probes.push({ url: request.url, cookie: request.headers.cookie });
    },
  });
  browser = await launchBrowser();
});

afterEach(() => closePages(browser));

afterAll(async () => {
  console.log(['| case | status | shown | instance | responsiveness |', ...rows].join('\n'));
  await browser?.close();
  await site?.close();
});

/** The site's own secrets, where a handler must not reach them: cookies (same-site and cross-site), localStorage, IndexedDB. */
async function plantSecrets(page: Page): Promise<void> {
  await page.evaluate(async (secret) => {
    document.cookie = `site-session=${secret}; path=/`;
    document.cookie = `site-cross=${secret}; path=/; SameSite=None; Secure`;
    localStorage.setItem('site-secret', secret);
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open('site-db', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('kv');
      open.onsuccess = () => {
        const write = open.result.transaction('kv', 'readwrite');
        write.objectStore('kv').put(secret, 'secret');
        write.oncomplete = () => done();
        write.onerror = () => fail(write.error);
      };
      open.onerror = () => fail(open.error);
    });
  }, SECRET);
  expect(await page.evaluate(() => document.cookie)).toContain('site-session');
}

interface Case {
  name: string;
  body: string;
  errorType: RegExp;
  errorMessage: RegExp;
  /** Chinese page: the status words the result shows there. */
  zh?: string;
}

/** The way out the handler took, done plainly (the TypeScript is not type-checked, so no casts are needed beyond `any`). */
const cases: Case[] = [
  { name: 'self.close()', body: '(self as any).close(); await new Promise((r) => setTimeout(r, 200));', errorType: /^Error$/, errorMessage: /^close\(\) is not available to functions in the playground/, zh: '出错' },
  { name: 'a postMessage flood to the frame', body: "for (let i = 0; i < 100_000; i++) (self as any).postMessage({ v: 1, type: 'result', requestId: context.requestId, durationMs: 0, usage: {}, ok: true, value: 'forged' });", errorType: /^Error$/, errorMessage: /^postMessage\(\) is not available to functions in the playground/ },
  {
    name: 'forged protocol messages on the instance port',
    // Reaching for the runtime's port through MessagePort.prototype, then flooding it with logs and a forged result.
    body: "const proto = MessagePort.prototype as any; const send = proto.postMessage; let port: any; proto.postMessage = function (this: any, ...args: any[]) { port = this; return send.apply(this, args); }; console.log('reaching for the port'); proto.postMessage = send; if (!port) throw new Error('the port stayed out of reach'); for (let i = 0; i < 100_000; i++) port.postMessage({ v: 1, type: 'log', requestId: context.request_id, level: 'info', message: 'forged ' + i, time: Date.now() }); port.postMessage({ v: 1, type: 'result', requestId: context.request_id, durationMs: 0, usage: {}, ok: true, value: 'forged' }); return 'real';",
    errorType: /^Error$/,
    errorMessage: /^the port stayed out of reach$/,
  },
  { name: 'importScripts() of another URL', body: "(self as any).importScripts(event.origin + '/hs-probe-script.js');", errorType: /^Error$/, errorMessage: /^importScripts\(\) is not available to functions in the playground/ },
  { name: 'import() of another URL', body: "await import(event.origin + '/hs-probe-module.js');", errorType: /^TypeError$/, errorMessage: /^Failed to fetch dynamically imported module/ },
  { name: "fetch() to the site's own origin", body: "await fetch(event.origin + '/hs-probe-no-cors', { mode: 'no-cors', credentials: 'include' }); const response = await fetch(event.origin + '/hs-probe-cors', { credentials: 'include' }); return await response.text();", errorType: /^TypeError$/, errorMessage: /^Failed to fetch$/ },
  { name: 'reading localStorage', body: "return localStorage.getItem('site-secret');", errorType: /^ReferenceError$/, errorMessage: /^localStorage is not defined$/, zh: '出错' },
  { name: 'reading indexedDB', body: "const open = indexedDB.open('site-db'); await new Promise((done, fail) => { open.onsuccess = done; open.onerror = () => fail(open.error); }); return open.result.transaction('kv').objectStore('kv').get('secret');", errorType: /^SecurityError$/, errorMessage: /denied/ },
  { name: 'reading document', body: 'return document.cookie;', errorType: /^ReferenceError$/, errorMessage: /^document is not defined$/ },
  { name: 'reading parent', body: 'return (parent as any).document.cookie;', errorType: /^ReferenceError$/, errorMessage: /^parent is not defined$/ },
  { name: 'reading top', body: 'return (top as any).location.href;', errorType: /^ReferenceError$/, errorMessage: /^top is not defined$/, zh: '出错' },
];

const runs = [
  ...cases.map((c) => ({ ...c, lang: 'en', path: '/playground/', statusText: 'Error' })),
  ...cases.filter((c) => c.zh).map((c) => ({ ...c, lang: 'zh-CN', path: '/zh-cn/playground/', statusText: c.zh as string })),
];

describe('a hostile handler that tries to get out', () => {
  test.each(runs)('in $lang, $name: a clear error on that request, the instance kept, no secret reached, the page answering', async (c) => {
    const outcome = await runHostile(browser, `${site.url}${c.path}`, { body: c.body, event: { origin: site.url }, prepare: plantSecrets });
    rows.push(outcomeRow(`${c.name} (${c.lang})`, outcome));
    expect(await outcome.page.getAttribute('html', 'lang')).toBe(c.lang);
    expect(outcome.status).toBe('error');
    expect(outcome.statusText).toBe(c.statusText);
    expect(outcome.error?.errorType).toMatch(c.errorType);
    expect(outcome.error?.errorMessage).toMatch(c.errorMessage);
    expect(JSON.stringify(outcome.error)).not.toContain(SECRET);
    expect(await outcome.page.locator('[data-hs="result-value"], .hs-logs__line', { hasText: /forged/ }).count()).toBe(0);
    expectContained(outcome, 'warm');
      }, 240_000);

  test("the site's cookies never travel with a handler's requests to the site", () => {
    const reached = probes.filter((probe) => probe.url.startsWith('/hs-probe'));
    console.log('probe requests that reached the site:', JSON.stringify(reached));
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.filter((probe) => probe.cookie !== undefined)).toEqual([]);
  });
});

describe('code that cannot run', () => {
  test.each([
    { name: 'a syntax error', code: "export const main_handler = async () => { return { ok: true ; };", shown: /Not run: fix the compile errors first\.\s*index\.ts:1:\d+\s*Expected "\}" but found ";"/, ran: false },
    { name: 'an unknown import', code: "import pad from 'left-pad-that-is-not-there'; export const main_handler = async () => pad('x', 3);", shown: /"errorType": "Runtime\.ImportModuleError",\s+"errorMessage": "Cannot find module 'left-pad-that-is-not-there'/, ran: true },
  ])('$name: a message that says where, the project kept', async ({ name, code, shown, ran }) => {
    const page = await openPlayground(browser, `${site.url}/playground/`);
    await replaceCode(page, code);
    await expect.poll(async () => Object.values((await projectSnapshot(page)).saved).join('\n'), { timeout: 10_000 }).toContain('main_handler = async () =>');
    const before = await projectSnapshot(page);
    await page.locator('[data-hs="invoke"]').click();
    const answer = page.locator('[data-hs="result-message"], [data-hs="result-error"]');
    await answer.waitFor({ timeout: 30_000 });
    const text = (await answer.textContent()) ?? '';
    rows.push(`| ${name} | ${ran ? await page.locator('[data-hs="result-status"]').textContent() : '—'} | ${text.slice(0, 160).replace(/\s+/g, ' ')} | ${ran ? 'init failed' : 'nothing ran'} | — |`);
    expect(text).toMatch(shown);
    expect(await page.locator('[data-hs="result-status"]').count()).toBe(ran ? 1 : 0);
    expect(await projectSnapshot(page)).toEqual(before);
  }, 240_000);
});
