import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors } from './support/browser.ts';
import { pasteCode, playgroundReady } from './support/playground-page.ts';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

const scfHandler = [
  "import type { SCFAPIGatewayEvent, SCFContext } from 'scf';",
  'export const main_handler = async (event: SCFAPIGatewayEvent, context: SCFContext) => {',
  '  console.log(context.request_id);',
  '  return event',
].join('\n');

const lambdaHandler = [
  "import type { APIGatewayProxyEvent, Context } from 'aws-lambda';",
  'export const handler = async (event: APIGatewayProxyEvent, context: Context) => {',
  '  console.log(event.path);',
  '  return context',
].join('\n');

/** A playground whose editor holds `code`, pasted (typing would let auto-closing add brackets), caret at its end. */
async function editorWith(code: string): Promise<{ page: Page; errors: string[] }> {
  const context = await suite.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${suite.url}/playground/`);
  await playgroundReady(page);
  await pasteCode(page, code);
  return { page, errors };
}

/**
 * Waits until the type checker answers (a hover over `typeName` shows its declaration): on a busy machine the
 * TypeScript worker takes tens of seconds to start, and the test is about completion, not start-up time.
 */
async function typeCheckerReady(page: Page, typeName: string): Promise<void> {
  const hover = page.locator('.monaco-hover:visible');
  await expect
    .poll(
      async () => {
        await page.locator('.monaco-editor .view-lines span', { hasText: typeName }).first().hover();
        return (await hover.allTextContents()).join(' ');
      },
      { timeout: 90_000, interval: 1000 },
    )
    .toContain('interface');
  await page.locator('.monaco-editor .view-lines').click({ position: { x: 300, y: 5 } });
  await page.keyboard.press('ControlOrMeta+End');
}

const widget = (page: Page) => page.locator('.suggest-widget.visible');

/** The labels the open suggestion list shows. */
function suggestions(page: Page): Promise<string[]> {
  return widget(page).locator('.monaco-list-row .label-name').allTextContents();
}

describe('completion in the editor', () => {
  test('typing "event." in an SCF API gateway handler suggests the event\'s fields, requestContext among them', { timeout: 150_000 }, async () => {
    const { page, errors } = await editorWith(scfHandler);
    await typeCheckerReady(page, 'SCFContext');
    await page.keyboard.type('.');
    await expect.poll(() => suggestions(page), { timeout: 30_000 }).toContain('requestContext');
    // The list is the type's members, not words picked from the file.
    expect(await suggestions(page)).toContain('httpMethod');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('typing "context." in a Lambda handler suggests getRemainingTimeInMillis, and Ctrl+Space opens the list again', { timeout: 150_000 }, async () => {
    const { page, errors } = await editorWith(lambdaHandler);
    await typeCheckerReady(page, 'APIGatewayProxyEvent');
    await page.keyboard.type('.');
    await expect.poll(() => suggestions(page), { timeout: 30_000 }).toContain('getRemainingTimeInMillis');

    await page.keyboard.press('Escape');
    await expect.poll(() => widget(page).count()).toBe(0);
    await page.keyboard.type('get');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => suggestions(page), { timeout: 10_000 }).toEqual(['getRemainingTimeInMillis']);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
