import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

/** Opens the playground and its Model tab; the tab's form appears once its code has loaded. */
async function openModelTab(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  const page = await suite.browser.newPage({ viewport });
  const errors = collectErrors(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(suite.url + path);
  await expect.poll(() => page.locator('[data-hs="invoke"]').isEnabled(), { timeout: 30_000 }).toBe(true);
  // The playground is up, and none of the Model tab's code has been fetched: it loads when the tab opens.
  expect(scripts.filter((url) => /model-panel|worker-entry/.test(url))).toEqual([]);
  await page.locator('[data-hs-tab="model"]').click();
  await page.locator('[data-hs="model-run"]').waitFor({ timeout: 15_000 });
  return { page, errors, scripts };
}

async function setFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`[data-hs="${name}"]`);
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

const stat = (page: Page, key: string) => page.locator(`[data-hs="model-summary"] [data-stat="${key}"]`).textContent();
const asNumber = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('the Model tab', () => {
  test('runs λ = 5/s for an hour in a worker and shows requests, cold starts and the instances chart', async () => {
    const { page, errors, scripts } = await openModelTab('/playground/');
    // Nothing of the model ran before Run: no worker script was fetched for it.
    expect(scripts.some((url) => /worker-entry/.test(url))).toBe(false);
    await setFields(page, { 'model-arrival': 'poisson', 'model-rate': '5', 'model-warm-mean': '0.1', 'model-cold-mean': '0.5', 'model-keep-alive': '60', 'model-horizon': '3600' });
    await page.locator('[data-hs="model-run"]').click();
    await page.locator('[data-hs="model-summary"]').waitFor({ timeout: 30_000 });
    const requests = asNumber(await stat(page, 'requests'));
    // About 5 × 3600 = 18,000 arrivals.
    expect(requests).toBeGreaterThan(16_000);
    expect(requests).toBeLessThan(20_000);
    expect(asNumber(await stat(page, 'cold-starts'))).toBeGreaterThan(0);
    expect(await stat(page, 'p-cold')).toMatch(/%$/);
    expect(await stat(page, 'idle-gb-seconds')).toMatch(/GB-s$/);
    expect(await stat(page, 'latency')).toMatch(/ms$/);
    expect(await page.locator('[data-hs="model-progress"]').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(1);
    expect(await page.locator('[data-hs="model-charts"] .hs-chart--running').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-hs="model-charts"] .hs-chart--idle').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-hs="model-error"]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a long run leaves the page responsive, streams progress, and Cancel stops it', async () => {
    const { page, errors } = await openModelTab('/playground/');
    await setFields(page, { 'model-rate': '50', 'model-horizon': '1000000' });
    await page.locator('[data-hs="model-run"]').click();
    const progress = () => page.locator('[data-hs="model-progress"]').evaluate((bar) => (bar as HTMLProgressElement).value);
    await expect.poll(progress, { timeout: 15_000 }).toBeGreaterThan(0);
    // Progress streams: the bar moves on while the run goes.
    const first = await progress();
    await expect.poll(progress, { timeout: 15_000 }).toBeGreaterThan(first);
    expect(await progress()).toBeLessThan(1);
    expect(await page.locator('[data-hs="model-cancel"]').isEnabled()).toBe(true);

    // The main thread answers at once: another tab opens while the model keeps running.
    const started = Date.now();
    await page.locator('[data-hs-tab="logs"]').click({ timeout: 2_000 });
    expect(await page.locator('[data-hs-tab="logs"]').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[data-hs-panel="logs"]').isVisible()).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    await page.locator('[data-hs-tab="model"]').click();
    expect(await page.locator('[data-hs="model-cancel"]').isEnabled()).toBe(true);

    await page.locator('[data-hs="model-cancel"]').click();
    await expect.poll(() => page.locator('[data-hs="model-status"]').textContent()).toBe('Cancelled.');
    expect(await page.locator('[data-hs="model-run"]').isEnabled()).toBe(true);
    expect(await page.locator('[data-hs="model-cancel"]').isDisabled()).toBe(true);
    // The disabled Cancel handed the keyboard focus back to Run.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-hs'))).toBe('model-run');
    expect(await page.locator('[data-hs="model-summary"]').count()).toBe(0);

    // The fresh worker takes the next run.
    await setFields(page, { 'model-rate': '5', 'model-horizon': '600' });
    await page.locator('[data-hs="model-run"]').click();
    await page.locator('[data-hs="model-summary"]').waitFor({ timeout: 30_000 });
    expect(asNumber(await stat(page, 'requests'))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each<{ fields: Record<string, string>; message: RegExp }>([
    { fields: { 'model-rate': '-1' }, message: /arrival rate must be a positive number/ },
    { fields: { 'model-arrival': 'cron', 'model-cron': 'every five minutes' }, message: /Cron "every five minutes"/ },
  ])('bad input ($fields) shows the model\'s message next to the form and nothing breaks', async ({ fields, message }) => {
    const { page, errors } = await openModelTab('/playground/');
    await setFields(page, fields);
    // Enter in a field runs the model, as the Run button does.
    await page.locator('[data-hs="model-horizon"]').press('Enter');
    const error = page.locator('[data-hs="model-error"]');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(message);
    expect(await page.locator('[data-hs="model-run"]').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Compare keep-alive values draws one point per value and marks the Pareto front', async () => {
    const { page, errors } = await openModelTab('/playground/');
    await setFields(page, { 'model-rate': '0.05', 'model-horizon': '86400' });
    await page.locator('[data-hs="model-sweep"]').click();
    const points = page.locator('[data-hs="model-charts"] [data-point]');
    await expect.poll(() => points.count(), { timeout: 30_000 }).toBe(5);
    expect(await points.evaluateAll((circles) => circles.map((c) => c.getAttribute('data-point')))).toEqual(['60 s', '300 s', '600 s', '1800 s', '3600 s']);
    // Each longer keep-alive buys fewer cold starts with more idle memory, so every value is on the front.
    expect(await page.locator('[data-hs="model-charts"] [data-front="true"]').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-hs="pareto-line"]').count()).toBe(1);
    // The same numbers as a table, the front's rows marked.
    expect(await page.locator('[data-hs="model-sweep-table"] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-hs="model-sweep-table"] tr[data-front="true"]').count()).toBe(await page.locator('[data-hs="model-charts"] [data-front="true"]').count());
    expect(errors).toEqual([]);
    await page.close();
  });

  test('at phone width a run and a sweep fit the screen: nothing scrolls sideways', async () => {
    const { page, errors } = await openModelTab('/playground/', { width: 390, height: 844 });
    await setFields(page, { 'model-rate': '5', 'model-horizon': '3600' });
    await page.locator('[data-hs="model-run"]').click();
    await page.locator('[data-hs="model-summary"]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('[data-hs="model-sweep"]').click();
    await page.locator('[data-hs="model-sweep-table"]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the Chinese page labels the tab, the form and the results in Chinese', async () => {
    const { page, errors } = await openModelTab('/zh-cn/playground/');
    expect(await page.locator('[data-hs-tab="model"]').textContent()).toContain('模型');
    const panel = page.locator('[data-hs-panel="model"]');
    expect(await panel.textContent()).toContain('保活时间');
    expect(await panel.textContent()).toContain('冷启动响应时间');
    expect(await page.locator('[data-hs="model-run"]').textContent()).toBe('运行模型');
    await setFields(page, { 'model-rate': '5', 'model-horizon': '3600' });
    await page.locator('[data-hs="model-run"]').click();
    await page.locator('[data-hs="model-summary"]').waitFor({ timeout: 30_000 });
    const terms = await page.locator('[data-hs="model-summary"] dt').allTextContents();
    expect(terms).toContain('冷启动次数');
    expect(terms).toContain('冷启动概率');
    expect(terms).toContain('峰值并发');
    expect(await page.locator('[data-hs="model-charts"] figcaption').textContent()).toContain('实例');
    expect(errors).toEqual([]);
    await page.close();
  });
});
