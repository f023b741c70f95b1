import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';
import { pasteCode, playgroundReady } from './support/playground-page.ts';

const suite = useBuiltSite();
const example = (file: string) => readFileSync(new URL(`../../content/examples/c2-leaky-cache/${file}`, import.meta.url), 'utf8');
/**
 * Runs for 0.1-0.3 s, many samples of a 10 ms profiler: fib(30) ran 10-40 ms, and once on a loaded machine the
 * profile caught no sample of it at all (the page then rightly shows no flame chart).
 */
const cpuBound = [
  'function fib(n: number): number {',
  '  return n < 2 ? n : fib(n - 1) + fib(n - 2);',
  '}',
  'export const main_handler = async () => ({ fib: fib(34) });',
].join('\n');

/** A playground page whose editor can be pasted into (Monaco's auto-closing would change typed code). */
async function openPlayground(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await suite.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(suite.url + path);
  await playgroundReady(page);
  return { page, errors };
}

describe('the Monitor panel', () => {
  test('a Load run of the leaky cache shows the saw-tooth: an out-of-memory kill, then a second instance', { timeout: 180_000 }, async () => {
    const { page, errors } = await openPlayground('/playground/');
    await pasteCode(page, example('index.ts'));
    await page.locator('[data-hs="event"]').fill(example('event.json'));
    // The smallest memory setting, one instance at a time and an open loop of 10 requests a second: about 1 MB more
    // per request, so the instance is far over 64 MB by the browser's first memory figure (~20 s in), and the
    // request after the kill starts its replacement.
    await page.locator('[data-hs="settings"] summary').click();
    await page.locator('[data-hs="memory"]').selectOption('64');
    await page.locator('[data-hs="max-concurrency"]').fill('1');
    await page.locator('[data-hs-tab="load"]').click();
    // Two minutes of requests: on a loaded machine the browser's first memory figure can come well after 20 s.
    await page.locator('[data-hs="load-requests"]').fill('1200');
    await page.locator('[data-hs="load-rate"]').fill('10');
    await page.locator('[data-hs="load-start"]').click();
    await page.locator('[data-hs-tab="monitor"]').click();

    const killed = page.locator('[data-hs="monitor-instances"] li[data-end="out-of-memory"]');
    const restarted = page.locator('[data-hs="monitor-instances"] li[data-restart]');
    await expect.poll(() => killed.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    await expect.poll(() => restarted.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('[data-hs-tab="load"]').click();
    await page.locator('[data-hs="load-stop"]').click();
    await page.locator('[data-hs-tab="monitor"]').click();

    expect(await killed.first().textContent()).toMatch(/^Instance \d+ · .*Heap used peak [\d.]+ MB · .*killed: out of memory at [\d.]+ s$/);
    const firstKilled = Number(await killed.first().getAttribute('data-instance'));
    expect(Number(await restarted.last().getAttribute('data-instance'))).toBeGreaterThan(firstKilled);
    expect(await restarted.last().textContent()).toMatch(/^Instance \d+ · restart · started at/);
    // Focused, the chart reads out each figure with its age.
    await page.locator('.hs-monitor__plot').first().focus();
    await page.keyboard.press('Home');
    expect(await page.locator('[data-hs="monitor-readout"]').first().textContent()).toMatch(/Instance \d+: [\d.]+ MB \(measured \d+ s before it arrived\)/);
    // The browser measures no CPU per worker: the panel says so instead of drawing zeros.
    expect(await page.locator('[data-hs="monitor-cpu-note"]').isVisible()).toBe(true);
    expect(await page.locator('.hs-monitor__chart').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('in Chinese, the tab, its notes and the instance list speak Chinese', async () => {
    const { page } = await openPlayground('/zh-cn/playground/');
    await page.locator('[data-hs="invoke"]').click();
    await page.locator('[data-hs="result-status"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-hs-tab="monitor"]').click();
    expect(await page.locator('[data-hs-tab="monitor"]').textContent()).toBe('监控');
    expect(await page.locator('[data-hs="monitor-cpu-note"]').textContent()).toContain('浏览器里测不了 CPU');
    expect(await page.locator('[data-hs="monitor-instances"] li').first().textContent()).toMatch(/^实例 1 · 0\.0 秒时启动/);
    await page.context().close();
  });
});

/** Starts the Profile tab on a CPU-bound handler and waits for its answer. */
async function profileFib(page: Page): Promise<void> {
  await pasteCode(page, cpuBound);
  await page.locator('[data-hs-tab="profile"]').click();
  await page.locator('[data-hs="profile-run"]').click();
  await expect.poll(() => page.locator('[data-hs="profile-run"]').getAttribute('aria-busy'), { timeout: 30_000 }).toBeNull();
}

describe('Profile', () => {
  test('where Chromium has no profiler in Web Workers, a copy on a frame of its own is profiled and the flame chart names the hot function at its TypeScript line', { timeout: 90_000 }, async () => {
    const { page, errors } = await openPlayground('/playground/');
    const workerHasProfiler = await page.evaluate(() => new Promise<boolean>((resolve) => {
      const worker = new Worker(URL.createObjectURL(new Blob(['postMessage(typeof Profiler === "function")'], { type: 'text/javascript' })));
      worker.onmessage = (event) => resolve(event.data === true);
    }));
    // Chromium 156 exposes the Self-Profiling API to workers only behind its ProfilerAPIForDedicatedWorker feature.
    expect(workerHasProfiler, 'this Chromium offers Profiler in workers: the profile should come from the instance itself').toBe(false);
    await profileFib(page);
    expect(await page.locator('[data-hs="profile-copy"]').textContent()).toContain('copy of your function');
    await page.locator('[data-hs="flame-chart"]').waitFor();
    // fib is where the time goes, in its own code, at the line of index.ts where it is declared.
    const hottest = page.locator('[data-hs="profile-hot"] tbody tr').first();
    expect(await hottest.locator('td').nth(0).textContent()).toBe('fib');
    expect(await hottest.locator('td').nth(1).textContent()).toBe('index.ts:1');
    expect(await page.locator('[data-hs="profile-summary"]').textContent()).toMatch(/^[1-9]\d* samples/);
    // The instance's own invocation ran too (it is how the page learnt that workers cannot profile).
    expect(await page.locator('[data-hs="result-status"]').textContent()).toBe('Succeeded');
    // The copy's frame is gone afterwards.
    expect(await page.locator('iframe[src="/profile-frame.html"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('in Chinese, the note says the profile comes from a copy', { timeout: 90_000 }, async () => {
    const { page, errors } = await openPlayground('/zh-cn/playground/');
    await profileFib(page);
    expect(await page.locator('[data-hs="profile-copy"]').textContent()).toContain('函数副本');
    await page.locator('[data-hs="flame-chart"]').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
