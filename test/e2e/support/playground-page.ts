import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until a playground page can be used: its editor is drawn and Invoke can be pressed (the engine is up). */
export async function playgroundReady(page: Page): Promise<void> {
  // Monaco replaces the plain text area when the pointer reaches the code (or after the page has idled a while).
  await page.locator('[data-hs="plain-editor"], .monaco-editor').first().hover({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('[data-hs="invoke"]').isEnabled(), { timeout: 30_000 }).toBe(true);
}
