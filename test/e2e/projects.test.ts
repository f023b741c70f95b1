/**
 * The playground keeps several projects: today's single saved project is found as the first one, an example or
 * answer opened from elsewhere arrives as a new project (never in place of the open one), and the list opens,
 * renames, duplicates and deletes projects from the keyboard.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

/** What the one-project playground kept, in the shape it wrote. */
const singleProjectSave = JSON.stringify({
  entry: 'index.ts',
  files: { 'index.ts': "export const main_handler = async () => ({ keptFromBefore: true });\n" },
  settings: { dialect: 'scf', exportName: 'main_handler', memoryMb: 256, timeoutS: 7, maxConcurrency: 10, keepAliveS: 60, provisionedConcurrency: 0, env: {} },
  event: '{}',
});

/** This shared machine can take most of a minute to bring a playground up: a spec loads several. */
const SLOW = 240_000;

/** Waits for the project list (drawn before the editor, which the list's own tests do not need). */
async function listReady(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-hs="project-current"]').textContent(), { timeout: 60_000 }).not.toBe('');
}

/** Goes to a page, allowing for this machine's load. */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 120_000 });
}

async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function openList(page: Page): Promise<void> {
  const details = page.locator('.hs-projects');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await page.locator('.hs-projects summary').click();
}

/** The rows are drawn on the details' toggle event, a task after the click: wait for them (a library is never empty). */
async function names(page: Page): Promise<string[]> {
  await openList(page);
  const rows = page.locator('[data-hs="project-list"] [data-action="open"]');
  await rows.first().waitFor({ timeout: 30_000 });
  return rows.allTextContents();
}

/** The address a docs example's "Open in the playground →" link leads to (the runner draws it when first run). */
async function exampleLink(page: Page, docsPath: string): Promise<string> {
  await visit(page, suite.url + docsPath);
  const example = page.locator('.hs-example').first();
  await example.locator('[data-hs-run]').click();
  const link = example.locator('[data-hs="runner-open"]');
  await link.waitFor({ timeout: 60_000 });
  return new URL((await link.getAttribute('href')) ?? '', page.url()).href;
}

describe('the project list', () => {
  test("today's saved project is the first in the list, and an example opens as a new project beside it", async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await visit(page, `${suite.url}/start/how-to-use/`);
    await page.evaluate((saved) => localStorage.setItem('hello-serverless:project:v1', saved), singleProjectSave);
    await visit(page, `${suite.url}/playground/`);
    await expect.poll(() => editorText(page), { timeout: 120_000 }).toContain('keptFromBefore');
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('My project');

    await visit(page, await exampleLink(page, '/concepts/instance-lifecycle/'));
    await expect.poll(() => editorText(page), { timeout: 120_000 }).toContain('coldStart');
    const notice = (await page.locator('[data-hs="notice"]').textContent()) ?? '';
    expect(notice).toMatch(/^Opened ‘.+ · .+’ as a new project; your project ‘My project’ is in the list\. Nothing has run/);
    expect(await names(page)).toHaveLength(2);

    await page.locator('[data-hs="project-open"]', { hasText: 'My project' }).click();
    await expect.poll(() => editorText(page)).toContain('keptFromBefore');
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('My project');
    const stored = await page.evaluate(() => ({ single: localStorage.getItem('hello-serverless:project:v1'), library: JSON.parse(localStorage.getItem('hello-serverless:projects:v2') ?? '{}') }));
    expect(stored.single).toBeNull();
    expect(stored.library.projects).toHaveLength(2);
    await context.close();
  }, SLOW);

  test('in Chinese: an example arrives as a new project, and the same example opened again is not kept twice', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await visit(page, `${suite.url}/zh-cn/playground/`);
    await listReady(page);
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('我的项目');

    const link = await exampleLink(page, '/zh-cn/concepts/instance-lifecycle/');
    await visit(page, link);
    await listReady(page);
    expect(await page.locator('[data-hs="notice"]').textContent()).toMatch(/^已将“.+ · .+”作为新项目打开；你的项目“我的项目”仍在列表中。代码尚未运行/);
    // From another page: on the playground itself, a link that differs only in its hash would not load the page.
    await visit(page, `${suite.url}/zh-cn/`);
    await visit(page, link);
    await listReady(page);
    expect(await page.locator('[data-hs="notice"]').textContent()).toMatch(/^这个项目已在你的列表中（“.+”），现已打开。/);
    expect(await names(page)).toHaveLength(2);
    expect(await page.locator('.hs-projects__edited time').first().textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await context.close();
  }, SLOW);

  test('rename, duplicate, delete and new work from the keyboard, and a reload finds the list as it was left', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await visit(page, `${suite.url}/playground/`);
    await listReady(page);
    await page.locator('.hs-projects summary').focus();
    await page.keyboard.press('Enter');
    const row = page.locator('[data-hs="project-list"] li[aria-current="true"]');

    await row.locator('[data-action="rename"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-hs'))).toBe('project-name-input');
    await page.keyboard.type('Counter 计数');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('Counter 计数');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('rename');

    await page.keyboard.press('Enter');
    await page.keyboard.type('Not kept');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('Counter 计数');

    await row.locator('[data-action="duplicate"]').focus();
    await page.keyboard.press('Enter');
    expect((await names(page)).sort()).toEqual(['Copy of Counter 计数', 'Counter 计数']);

    await page.locator('[data-hs="project-new"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('Project 3');
    expect(await page.locator('[data-hs="notice"]').textContent()).toContain('your other projects are in the list');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-hs="project-list"] li', { hasText: 'Copy of Counter' }).locator('[data-action="delete"]').focus();
    await page.keyboard.press('Enter');
    expect((await names(page)).sort()).toEqual(['Counter 计数', 'Project 3']);

    await page.reload({ timeout: 120_000 });
    await listReady(page);
    expect(await page.locator('[data-hs="project-current"]').textContent()).toBe('Project 3');
    expect((await names(page)).sort()).toEqual(['Counter 计数', 'Project 3']);
    await context.close();
  }, SLOW);

  test('at phone width the list fits without sideways scrolling', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await visit(page, `${suite.url}/zh-cn/playground/`);
    await listReady(page);
    await openList(page);
    await page.locator('[data-hs="project-new"]').click();
    expect(await names(page)).toHaveLength(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const box = await page.locator('.hs-projects').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.close();
  }, SLOW);
});
