/**
 * The browser engine on its own (the sandboxed instance host and the esbuild-wasm compiler), driven on a bare
 * harness page of the built site, so these specs fail for engine reasons only.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';
import { installEngineDriver } from './engine-driver.ts';
import type { RunOptions, RunReport } from './engine-driver.ts';

const suite = useBuiltSite();

async function openHarness(): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${suite.url}/dev/engine-harness/`);
  await page.locator('body[data-ready="true"]').waitFor();
  await installEngineDriver(page);
  return { page, errors };
}

function run(page: Page, files: Record<string, string>, events: unknown[], options: RunOptions = {}): Promise<RunReport> {
  return page.evaluate(([f, e, o]) => window.hsDriver.run(f, e, o), [files, events, options] as const);
}

const counter = `
let count = 0;
export const main_handler = async (event: { n: number }) => {
  count += 1;
  console.log('request', event.n, 'count', count);
  return { n: event.n, count };
};
`;

describe('the browser engine', () => {
  test('compiles an entry, a helper and a layer module, and a warm instance keeps its module state', async () => {
    const { page, errors } = await openHarness();
    const report = await run(page, {
      'index.ts': `import { twice } from './lib/math';\nimport { label } from 'layer/label';\nlet count = 0;\nexport const main_handler = async (event: { n: number }) => { count += 1; return { value: label(twice(event.n)), count }; };\n`,
      'lib/math.ts': 'export const twice = (n: number): number => n * 2;\n',
      'layer/label.ts': 'export const label = (n: number): string => `n=${n}`;\n',
    }, [{ n: 1 }, { n: 2 }]);
    expect(report.results).toEqual([
      { ok: true, value: { value: 'n=2', count: 1 } },
      { ok: true, value: { value: 'n=4', count: 2 } },
    ]);
    expect(report.startKinds).toEqual(['cold', 'warm']);
    expect(report.instancesStarted).toBe(1);
    expect(report.phases[0]?.spawnMs).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('reports a compile error with its file, line and column', async () => {
    const { page } = await openHarness();
    const result = await page.evaluate(() => window.hsEngine.browserCompiler().compile({ entry: 'index.ts', files: { 'index.ts': 'import { x } from "./helper";\nexport const main_handler = () => x;\n', 'helper.ts': 'export const x = ;\n' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ file: 'helper.ts', line: 1, column: 18 });
    await page.close();
  });

  test("a handler cannot read the site's localStorage, indexedDB, cookies or DOM", async () => {
    const { page } = await openHarness();
    await page.evaluate(async () => {
      localStorage.setItem('secret', 'site-secret-value');
      document.cookie = 'secret=site-secret-value; path=/';
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('secrets', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put('site-secret-value', 'secret');
          tx.oncomplete = () => resolve();
        };
        open.onerror = () => reject(open.error);
      });
    });
    const report = await run(page, {
      'index.ts': `
const attempt = async (what: () => unknown) => { try { return String(await what()); } catch (error) { return 'refused: ' + (error as Error).name; } };
export const main_handler = async () => ({
  localStorage: await attempt(() => (globalThis as any).localStorage.getItem('secret')),
  cookie: await attempt(() => (globalThis as any).document.cookie),
  parentDom: await attempt(() => (globalThis as any).parent.document.body.innerHTML),
  origin: await attempt(() => (globalThis as any).location.origin),
  indexedDB: await attempt(() => new Promise((resolve, reject) => {
    const open = (globalThis as any).indexedDB.open('secrets');
    open.onsuccess = () => { try { const get = open.result.transaction('kv').objectStore('kv').get('secret'); get.onsuccess = () => resolve(get.result); get.onerror = () => reject(get.error); } catch (error) { reject(error); } };
    open.onerror = () => reject(open.error);
  })),
  postMessage: await attempt(() => (globalThis as any).postMessage('hello page')),
});
`,
    }, [{}]);
    const seen = report.results[0];
    expect(seen?.ok).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('site-secret-value');
    const value = (seen as { value: Record<string, string> }).value;
    expect(value.localStorage).toMatch(/^refused/);
    expect(value.cookie).toMatch(/^refused/);
    expect(value.parentDom).toMatch(/^refused/);
    expect(value.postMessage).toMatch(/^refused/);
    expect(value.origin).not.toBe(suite.url);
    await page.close();
  });

  test('an endless loop times out, its instance is replaced, and the page keeps answering clicks', async () => {
    const { page } = await openHarness();
    const running = run(page, {
      'index.ts': `export const main_handler = async (event: { spin: boolean }) => { if (event.spin) { while (true) {} } return 'answered'; };\n`,
    }, [{ spin: true }, { spin: false }], { timeoutS: 1.5 });
    await page.locator('#ping').click();
    await page.locator('#ping').click();
    await expect(page.locator('#pings').textContent()).resolves.toBe('2');
    const report = await running;
    expect(report.results[0]).toMatchObject({ ok: false, status: 'timeout', error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.50 seconds' } });
    expect(report.results[1]).toEqual({ ok: true, value: 'answered' });
    expect(report.startKinds).toEqual(['cold', 'cold']);
    expect(report.exits).toEqual(['timeout']);
    expect(report.instancesStarted).toBe(2);
    await page.close();
  });

  test('200 requests at concurrency 20 are all answered, each by one instance', async () => {
    const { page } = await openHarness();
    const events = Array.from({ length: 200 }, (_, n) => ({ n }));
    const report = await run(page, { 'index.ts': counter }, events, { concurrency: 20 });
    expect(report.results).toHaveLength(200);
    expect(report.results.filter((result) => !result.ok)).toEqual([]);
    expect(report.results.map((result) => (result as { value: { n: number } }).value.n)).toEqual(events.map((event) => event.n));
    expect(report.instancesStarted).toBeLessThanOrEqual(20);
    const counts = report.results.map((result) => (result as { value: { count: number } }).value.count);
    expect(counts.filter((count) => count === 1)).toHaveLength(report.instancesStarted);
    expect(report.logs).toBe(200);
    await page.close();
  });

  test('hosts on one page share one sandbox frame, which goes when the last host is disposed', async () => {
    const { page } = await openHarness();
    const frames = await page.evaluate(async () => {
      const { BrowserInstanceHost } = window.hsEngine;
      const count = () => document.querySelectorAll('iframe[sandbox="allow-scripts"]').length;
      const first = await BrowserInstanceHost.create();
      const second = await BrowserInstanceHost.create();
      const withTwo = count();
      first.dispose();
      await new Promise((resolve) => setTimeout(resolve, 10));
      const withOne = count();
      second.dispose();
      await new Promise((resolve) => setTimeout(resolve, 10));
      return [withTwo, withOne, count()];
    });
    expect(frames).toEqual([1, 1, 0]);
    const report = await run(page, { 'index.ts': counter }, [{ n: 1 }]);
    expect(report.results).toEqual([{ ok: true, value: { n: 1, count: 1 } }]);
    await page.close();
  });

  test('a log flood is capped, and the request still answers', async () => {
    const { page } = await openHarness();
    const report = await run(page, {
      'index.ts': `export const main_handler = async () => { for (let i = 0; i < 100000; i++) console.log(''); return 'done'; };\n`,
    }, [{}]);
    expect(report.results[0]).toEqual({ ok: true, value: 'done' });
    expect(report.logs).toBeLessThanOrEqual(2000);
    expect(report.lastLog).toContain('the rest are dropped');
    await page.close();
  });

  test('an error at the top level is an init error, and a crash after the answer ends only that instance', async () => {
    const { page } = await openHarness();
    const init = await run(page, { 'index.ts': `throw new Error('bad config');\nexport const main_handler = async () => 1;\n` }, [{}]);
    expect(init.results[0]).toMatchObject({ ok: false, status: 'error', error: { errorMessage: 'bad config' } });
    expect(init.exits).toEqual(['init-error']);
    const crash = await run(page, { 'index.ts': `export const main_handler = async (event: { n: number }) => { if (event.n === 0) setTimeout(() => { throw new Error('late'); }); return event.n; };\n` }, [{ n: 0 }, { n: 1 }], { pauseMs: 100 });
    expect(crash.results).toEqual([{ ok: true, value: 0 }, { ok: true, value: 1 }]);
    expect(crash.exits).toEqual(['crash']);
    expect(crash.instancesStarted).toBe(2);
    await page.close();
  });
});

describe('keeping work in the browser', () => {
  const project = {
    entry: 'index.ts',
    files: { 'index.ts': "// shared: 你好\nthrow new Error('this module must not run when a link is opened');\nexport const main_handler = async () => 1;\n", 'layer/util.ts': 'export const x = 1;\n' },
    settings: { dialect: 'lambda' as const, exportName: 'main_handler', memoryMb: 256, timeoutS: 5, maxConcurrency: 4, keepAliveS: 30, provisionedConcurrency: 0, env: { STAGE: 'test' } },
    event: '{"shared": true}',
  };
  const template = { ...project, files: { 'index.ts': 'export const main_handler = async () => 0;\n' }, event: '{}' };

  // "Runs nothing": no frame, and the instance runtime (instance-worker-<hash>.js) never fetched; the small chunk that
  // knows its address (instance-worker-script.<hash>.js) may load with the page.
  test('a share link opens the same files and settings, runs nothing, and leaves the address clean', async () => {
    const { page } = await openHarness();
    const shared = await page.evaluate(async (p) => (await window.hsEngine.openProjectStore({ locale: 'en' })).share(p), project);
    expect(shared.ok).toBe(true);
    if (!shared.ok) return;
    await page.goto(shared.url);
    await page.locator('body[data-ready="true"]').waitFor();
    const restored = await page.evaluate(async (t) => (await window.hsEngine.openProjectStore({ locale: 'en' })).restore(t), template);
    expect(restored.project).toEqual(project);
    expect(restored.message).toContain('Nothing has run');
    expect(await page.evaluate(() => ({ hash: location.hash, frames: document.querySelectorAll('iframe').length, workers: performance.getEntriesByType('resource').filter((entry) => /\/instance-worker-[\w-]+\.js$/.test(entry.name)).length }))).toEqual({ hash: '', frames: 0, workers: 0 });
    await page.close();
  });

  test('a broken share link says what is wrong, in the page language, and falls back to the saved project', async () => {
    const { page } = await openHarness();
    await page.goto(`${suite.url}/dev/engine-harness/#project=1.abc`);
    await page.locator('body[data-ready="true"]').waitFor();
    const restored = await page.evaluate(async (t) => (await window.hsEngine.openProjectStore({ locale: 'zh-cn' })).restore(t), template);
    expect(restored.project).toEqual(template);
    expect(restored.message).toContain('无法打开这个分享链接');
    await page.close();
  });

  test('a reload keeps the code saved before a run; a corrupt save is reported and reset to the template', async () => {
    const { page } = await openHarness();
    await page.evaluate(async (p) => (await window.hsEngine.openProjectStore({ locale: 'en' })).flush(p), project);
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    const restored = await page.evaluate(async (t) => (await window.hsEngine.openProjectStore({ locale: 'en' })).restore(t), template);
    expect(restored).toEqual({ project });
    await page.evaluate(() => localStorage.setItem('hello-serverless:projects:v2', '{"entry": 3'));
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    const reset = await page.evaluate(async (t) => (await window.hsEngine.openProjectStore({ locale: 'en' })).restore(t), template);
    expect(reset.project).toEqual(template);
    expect(reset.message).toContain('could not be read (it is not valid JSON)');
    await page.close();
  });
});
