import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { playgroundReady } from './support/playground-page.ts';
import { useBuiltSite } from './support/suite.ts';

/**
 * One truth for every figure, in Chromium: after a cold and a warm request, the result table, the REPORT line and
 * the timeline's hover print the same Duration, Init Duration and Billed Duration, and the sums add up.
 */
const suite = useBuiltSite();

interface Shown {
  report: string;
  duration: string;
  init: string | null;
  billed: string;
  hover: string;
}

/** Reads the result table and REPORT line, then the request's bar on the timeline (drawn only while it is shown). */
async function shown(scope: Locator, requestNumber: number, showTimeline: () => Promise<void> = async () => {}): Promise<Shown> {
  const init = scope.locator('[data-hs="result-init"]');
  const table = {
    report: (await scope.locator('.hs-result__report').textContent()) ?? '',
    duration: (await scope.locator('[data-hs="result-duration"]').textContent()) ?? '',
    init: (await init.count()) === 0 ? null : await init.textContent(),
    billed: (await scope.locator('[data-hs="result-billed"]').textContent()) ?? '',
  };
  await showTimeline();
  await expect.poll(() => scope.locator('.hs-tl__target').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(requestNumber);
  return { ...table, hover: (await scope.locator('.hs-tl__target').nth(requestNumber - 1).getAttribute('aria-label')) ?? '' };
}

function field(report: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\t)${name}: ([\\d.]+) ms`).exec(report)?.[1];
}

/** Rounding up the sum of two figures printed to 0.01 ms can land one either side of the true sum's ceiling. */
function billedFrom(sumMs: number): number[] {
  return [...new Set([Math.ceil(sumMs - 0.01), Math.ceil(sumMs + 0.01)].map((ms) => Math.max(1, ms)))];
}

function expectColdAgrees(s: Shown): void {
  const duration = field(s.report, 'Duration');
  const init = field(s.report, 'Init Duration');
  const billed = Number(field(s.report, 'Billed Duration'));
  expect(s.duration).toBe(`${duration} ms`);
  const parts = /^([\d.]+) ms = worker start ([\d.]+) \+ code load ([\d.]+) \+ your init ([\d.]+)$/.exec(s.init ?? '');
  expect(parts?.[1]).toBe(init);
  const [total, ...phases] = parts!.slice(1).map(Number);
  expect(Math.abs(phases.reduce((sum, ms) => sum + ms, 0) - total!)).toBeLessThanOrEqual(0.02);
  expect(s.hover).toContain(`Init Duration ${s.init}`);
  expect(s.hover).toContain(`Duration ${duration} ms`);
  expect(s.billed.startsWith(`${billed} ms`)).toBe(true);
  const initBilled = /= Duration ([\d.]+) \+ Init Duration ([\d.]+), rounded up/.exec(s.billed);
  if (initBilled) {
    expect([initBilled[1], initBilled[2]]).toEqual([duration, init]);
    expect(billedFrom(Number(duration) + Number(init))).toContain(billed);
  } else {
    expect(s.billed).toContain('Init Duration not billed');
    expect(billedFrom(Number(duration))).toContain(billed);
  }
}

function expectWarmAgrees(s: Shown): void {
  const duration = field(s.report, 'Duration');
  expect(s.report).not.toContain('Init Duration');
  expect(s.init).toBeNull();
  expect(s.hover).not.toContain('Init Duration');
  expect(s.duration).toBe(`${duration} ms`);
  expect(s.hover).toContain(`Duration ${duration} ms`);
  const billed = Number(field(s.report, 'Billed Duration'));
  expect(s.billed.startsWith(`${billed} ms ·`)).toBe(true);
  expect(billedFrom(Number(duration))).toContain(billed);
}

async function startKindIs(scope: Locator, kind: 'cold' | 'warm'): Promise<void> {
  await expect.poll(() => scope.locator('[data-start]').getAttribute('data-start'), { timeout: 150_000 }).toBe(kind);

}

describe('figures agree in Chromium', () => {
  test('the playground: a cold then a warm Invoke', async () => {
    const page: Page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(`${suite.url}/playground/`);
    await playgroundReady(page);
    const scope = page.locator('body');
    for (const [number, kind] of [[1, 'cold'], [2, 'warm']] as const) {
      await page.locator('[data-hs="invoke"]').click();
      await startKindIs(scope, kind);
      await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy'), { timeout: 30_000 }).toBe(null);
      const figures = await shown(scope, number, () => page.locator('[data-hs-tab="timeline"]').click());
      await page.locator('[data-hs-tab="result"]').click();
      if (kind === 'cold') expectColdAgrees(figures);
      else expectWarmAgrees(figures);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  test('the cold-start guide: its example run cold, then warm', async () => {
    const page = await suite.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.url}/concepts/cold-starts/`, { waitUntil: 'networkidle' });
    const example = page.locator('.hs-example').first();
    await example.locator('[data-hs-run]').click();
    await startKindIs(example, 'cold');
    const cold = await shown(example, 1);
    expectColdAgrees(cold);
    // An SCF function: SCF bills run time only, so the table says its init was not billed.
    expect(cold.billed).toContain('Init Duration not billed');
    await example.locator('[data-hs="runner-run"]').click();
    await startKindIs(example, 'warm');
    expectWarmAgrees(await shown(example, 2));
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);
});
