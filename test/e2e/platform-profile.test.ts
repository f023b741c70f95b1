import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

async function openPlayground(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(suite.url + path, { timeout: 90_000 });
  // These specs never touch the code, so they wait for Invoke, not for the editor.
  await expect.poll(() => page.locator('[data-hs="invoke"]').isEnabled(), { timeout: 90_000 }).toBe(true);
  return { page, errors };
}

async function chooseProfile(page: Page, profile: string): Promise<void> {
  const settings = page.locator('[data-hs="settings"]');
  if (!(await settings.evaluate((element) => (element as HTMLDetailsElement).open))) await settings.locator('summary').click();
  await page.locator('[data-hs="platform-profile"]').selectOption(profile);
}

describe('platform profiles in the playground', () => {
  test.each([
    { path: '/playground/', modelled: 'modelled' },
    { path: '/zh-cn/playground/', modelled: '模拟' },
  ])('$path: with SCF 2019 chosen, a cold start shows its four modelled phases first on the timeline, striped and labelled', async ({ path, modelled }) => {
    const { page, errors } = await openPlayground(path);
    await chooseProfile(page, 'scf-2019');
    await page.locator('[data-hs="invoke"]').click();
    // Busy is only set once the click's work starts: wait for the result itself (a first compile is slow here).
    await page.locator('[data-hs="result-status"]').waitFor({ timeout: 150_000 });
    await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy'), { timeout: 150_000 }).toBe(null);
    await page.locator('[data-hs-tab="timeline"]').click();
    const phases = page.locator('.hs-tl-phase--modelled');
    await expect.poll(() => phases.count(), { timeout: 30_000 }).toBe(4);
    const classes = await phases.evaluateAll((rects) => rects.map((rect) => rect.getAttribute('class')));
    expect(classes.map((c) => c?.split(' ').at(-1))).toEqual(['hs-tl-phase--placement', 'hs-tl-phase--sandboxStart', 'hs-tl-phase--codeDownload', 'hs-tl-phase--vpcAttach']);
    // Striped with the modelled pattern, not the measured phases' colours. The timeline redraws every second while
    // an instance lives, and a rect replaced under the read has no computed style: read again until one holds still.
    await expect.poll(() => phases.first().evaluate((rect) => getComputedStyle(rect).fill), { timeout: 10_000 }).toContain('hs-tl-modelled');
    // The in-bar label appears only where the striped block is wide enough; the legend always names it.
    expect(await page.locator('.hs-tl__legend').textContent()).toContain(modelled);
    // The bar's details (its hover text and accessible name) list the modelled phases apart from Init Duration.
    expect(await page.locator('.hs-tl__target').first().getAttribute('aria-label')).toContain(modelled);
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  test('Model this function opens the Model tab with the Load run\'s measured response times, and the model runs on them', async () => {
    const { page, errors } = await openPlayground('/playground/');
    await page.locator('[data-hs-tab="load"]').click();
    await page.locator('[data-hs="load-requests"]').fill('20');
    await page.locator('[data-hs="load-concurrency"]').fill('2');
    await page.locator('[data-hs="load-start"]').click();
    await expect.poll(() => page.locator('[data-stat="requests"]').textContent(), { timeout: 150_000 }).toBe('20');
    await expect.poll(() => page.locator('[data-hs="load-start"]').isEnabled(), { timeout: 30_000 }).toBe(true);
    const cold = Number(await page.locator('[data-stat="cold"]').textContent());

    await page.locator('[data-hs="load-model"]').click();
    const note = page.locator('[data-hs="model-measured"]');
    await note.waitFor({ timeout: 60_000 });
    expect(await note.textContent()).toContain(`over ${20 - cold} samples`);
    expect(await note.textContent()).toContain(`over ${cold} samples`);
    const warm = page.locator('[data-hs="model-warm-mean"]');
    expect(await warm.isDisabled()).toBe(true);
    expect(Number(await warm.inputValue())).toBeGreaterThan(0);
    expect(Number(await warm.inputValue())).toBeLessThan(Number(await page.locator('[data-hs="model-cold-mean"]').inputValue()));

    await page.locator('[data-hs="model-horizon"]').fill('600');
    await page.locator('[data-hs="model-run"]').click();
    await expect.poll(() => page.locator('[data-stat="billed-gb-seconds"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('[data-stat="billed-gb-seconds"]').textContent()).toMatch(/GB-s$/);

    await page.locator('[data-hs="model-forget-measured"]').click();
    expect(await warm.isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);
});
