import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until a playground page can be used: its editor is drawn and Invoke can be pressed (the engine is up). */
export async function playgroundReady(page: Page): Promise<void> {
  // Monaco replaces the plain text area when the pointer reaches the code (or after the page has idled a while).
  await page.locator('[data-hs="plain-editor"], .monaco-editor').first().hover({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('[data-hs="invoke"]').isEnabled(), { timeout: 30_000 }).toBe(true);
}

/** Replaces the open file's text as a person would: select all, delete, type (one line, so Monaco adds no brackets). */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Sets the function's timeout in the settings form, as a user does, and waits until the summary shows it. */
export async function setTimeoutSeconds(page: Page, seconds: number): Promise<void> {
  const settings = page.locator('[data-hs="settings"]');
  if (!(await settings.evaluate((element) => (element as HTMLDetailsElement).open))) await settings.locator('summary').click();
  await page.locator('[data-hs="timeout"]').fill(String(seconds));
  await page.locator('[data-hs="timeout"]').press('Tab');
  await expect.poll(() => page.locator('[data-hs="settings-summary"]').textContent()).toContain(`${seconds} s`);
}

/** Waits until the request Invoke started has settled (Invoke is no longer busy). */
export async function invokeSettled(page: Page, timeout = 30_000): Promise<void> {
  await expect.poll(() => page.locator('[data-hs="invoke"]').getAttribute('aria-busy'), { timeout }).toBe(null);
}

/** The result panel's error fields (its JSON, which the stack follows after a blank line). */
export async function resultError(page: Page): Promise<{ errorType: string; errorMessage: string }> {
  return JSON.parse(((await page.locator('[data-hs="result-error"]').textContent()) ?? '{}').split('\n\n')[0] ?? '{}');
}

/** What a person would lose: the editor's text and everything the site keeps under its own storage keys. */
export async function projectSnapshot(page: Page): Promise<{ editor: string; saved: Record<string, string> }> {
  const editor = (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\s+/g, '');
  const saved = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('hello-serverless:'))));
  return { editor, saved };
}

/** Replaces the open file's text as a person pastes it (typing would let Monaco's auto-closing add brackets). */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}
