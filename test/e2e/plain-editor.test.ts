import { describe, expect, test } from 'vitest';
import { collectErrors } from './support/browser.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

describe('the playground before Monaco has loaded', () => {
  test('the code can be edited and run at once, and Monaco takes over the edited text when the pointer reaches it', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    // Monaco's chunks are held back, so whatever happens here happens without it.
    let releaseMonaco: () => void = () => undefined;
    const monacoHeld = new Promise<void>((resolve) => (releaseMonaco = resolve));
    await page.route(/\/(monaco-view|editor\.api)[^/]*\.js$/, async (route) => {
      await monacoHeld;
      await route.continue();
    });
    await page.goto(`${suite.url}/playground/`);
    const plain = page.locator('[data-hs="plain-editor"]');
    await plain.waitFor({ timeout: 30_000 });
    expect(await plain.inputValue()).toContain('main_handler');
    await expect.poll(() => page.locator('[data-hs="invoke"]').isEnabled(), { timeout: 30_000 }).toBe(true);

    await plain.fill("exports.main_handler = async () => ({ typedBeforeMonaco: 42 });\n");
    await page.locator('[data-hs="invoke"]').click();
    await expect.poll(() => page.locator('[data-hs="result-value"]').textContent(), { timeout: 30_000 }).toContain('typedBeforeMonaco');
    expect(await page.locator('.monaco-editor').count()).toBe(0);

    releaseMonaco();
    await page.locator('[data-hs="editor"]').hover();
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.monaco-editor .view-lines').textContent()).toContain('typedBeforeMonaco');
    expect(await plain.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
