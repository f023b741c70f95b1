/**
 * Cross-origin isolation, which Chromium asks before it measures a worker's memory: a host that sends the headers
 * gets per-instance memory samples, attributed to each instance through the opaque-origin sandbox frame; a host
 * that sends none still runs every function, says plainly why memory is not measured, and gets the headers from
 * the site's service worker from the next load on.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import './engine-driver.ts';
import { launchBrowser } from './support/browser.ts';
import { builtSiteDir } from './support/site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

let isolated: StaticSite;
let bare: StaticSite;
let browser: Browser;

beforeAll(async () => {
  isolated = await serveStatic(builtSiteDir());
  bare = await serveStatic(builtSiteDir(), { isolationHeaders: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await isolated?.close();
  await bare?.close();
});

async function harness(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/dev/engine-harness/`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
}

interface Measured {
  heapUsed: Record<string, number>;
  ageMs: number[];
  cpuReported: boolean;
  reason: string | undefined;
  results: unknown[];
}

/** Starts one instance per entry of `holdMb`, each keeping that many MB, and waits for a memory sample of each (or `waitMs`). */
function measureInstances(page: Page, holdMb: number[], waitMs: number): Promise<Measured> {
  return page.evaluate(async ({ holdMb, waitMs }) => {
    const { BrowserInstanceHost, browserCompiler } = window.hsEngine;
    const code = 'let keep; exports.main_handler = async (event) => { keep = Array.from({ length: event.mb }, () => new Array(131072).fill(Math.random())); return keep.length; };';
    const compiled = await browserCompiler().compile({ entry: 'index.js', files: { 'index.js': code } });
    if (!compiled.ok) throw new Error('does not compile');
    const host = await BrowserInstanceHost.create({});
    const measured: Measured = { heapUsed: {}, ageMs: [], cpuReported: false, reason: undefined, results: [] };
    await new Promise<void>((done) => {
      setTimeout(done, waitMs);
      holdMb.forEach((mb, index) => {
        const id = `mb${mb}`;
        const handle = host.start({ instanceId: id, functionName: 'hold', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, files: {}, env: {}, memoryMb: 1024, timeoutMs: 30_000, startCause: 'request' }, {
          onReady: () => handle.invoke({ requestId: `r${index}`, event: { mb }, deadline: Date.now() + 30_000 }),
          onInitError: () => undefined,
          onLog: () => undefined,
          onResult: (outcome) => measured.results.push(outcome.result),
          onMetrics: (sample) => {
            measured.heapUsed[id] = sample.heapUsed ?? -1;
            measured.ageMs.push(sample.ageMs ?? -1);
            if (sample.cpuUserUs !== undefined || sample.cpuSystemUs !== undefined) measured.cpuReported = true;
            if (holdMb.every((held) => (measured.heapUsed[`mb${held}`] ?? 0) > held * 1024 * 1024)) done();
          },
          onExit: () => undefined,
        });
      });
    });
    measured.reason = host.memoryUnmeasuredReason;
    host.dispose();
    return measured;
  }, { holdMb, waitMs });
}

describe('memory measurement and cross-origin isolation', () => {
  test('on an isolated page each instance reports its own memory, with its age and no CPU figure', async () => {
    const page = await browser.newPage();
    await harness(page, isolated.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const measured = await measureInstances(page, [40, 160], 50_000);
    expect(measured.reason).toBeUndefined();
    expect(measured.heapUsed.mb40).toBeGreaterThan(40 * 1024 * 1024);
    expect(measured.heapUsed.mb160).toBeGreaterThan(160 * 1024 * 1024);
    expect(measured.heapUsed.mb160! - measured.heapUsed.mb40!).toBeGreaterThan(100 * 1024 * 1024);
    expect(measured.ageMs.every((age) => age > 0)).toBe(true);
    expect(measured.cpuReported).toBe(false);
    await page.close();
  }, 90_000);

  test('a host without the headers still runs functions, says why memory is unmeasured, and is isolated after a reload', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await harness(page, bare.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const measured = await measureInstances(page, [1], 3000);
    expect(measured.results).toEqual([{ ok: true, value: 1 }]);
    expect(measured.heapUsed).toEqual({});
    expect(measured.reason).toMatch(/not cross-origin isolated/);
    // The page registers its service worker only once it has settled (src/service-worker/when-settled.ts).
    await expect.poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), { timeout: 45_000 }).toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await harness(page, bare.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await context.close();
  // The service worker precaches the build (~27 MB) before it is ready: minutes on a loaded machine.
  }, 240_000);
});
