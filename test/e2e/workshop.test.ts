import { describe, expect, test } from 'vitest';
import { useBuiltSite } from './support/suite.ts';

const suite = useBuiltSite();

describe('a workshop exercise page', () => {
  test.each([
    { path: '/workshop/03-init-once/', hint: 'Hint 1', solution: 'Show the solution' },
    { path: '/zh-cn/workshop/03-init-once/', hint: '提示 1', solution: '查看参考答案' },
  ])('$path keeps hints and the solution folded until the learner asks', async ({ path, hint, solution }) => {
    const page = await suite.browser.newPage();
    await page.goto(suite.url + path);
    const exercise = page.locator('[data-exercise-id="03-init-once"]');
    await expect.poll(() => exercise.getByText('loadMenu()', { exact: false }).first().isVisible()).toBe(true);

    const firstHint = exercise.locator('details', { hasText: hint });
    expect(await firstHint.locator('p').isVisible()).toBe(false);
    await firstHint.locator('summary').click();
    expect(await firstHint.locator('p').isVisible()).toBe(true);

    const answer = exercise.locator('details', { hasText: solution });
    expect(await answer.getByText('const menu = loadMenu()').isVisible()).toBe(false);
    await answer.locator('summary').click();
    expect(await answer.getByText('const menu = loadMenu()').isVisible()).toBe(true);
    await page.close();
  });

  test('the sidebar lists every exercise in order', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.url}/workshop/`);
    const links = await page.locator('#starlight__sidebar a[href^="/workshop/"]').evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href')),
    );
    expect(links).toEqual([
      '/workshop/',
      '/workshop/01-hello-api-gateway/',
      '/workshop/02-know-your-event/',
      '/workshop/03-init-once/',
      '/workshop/04-idempotent-callback/',
      '/workshop/05-port-to-lambda/',
      '/workshop/06-finish-before-the-deadline/',
      '/workshop/07-errors-clients-can-act-on/',
      '/workshop/08-nightly-timer-report/',
      '/workshop/09-websocket-print-push/',
      '/workshop/10-queue-batch-partial-failure/',
      '/workshop/11-local-invoke-exit-codes/',
      '/workshop/12-throttle-to-protect-a-database/',
      '/workshop/13-find-the-memory-leak/',
      '/workshop/14-profile-a-slow-handler/',
      '/workshop/15-shared-layer/',
      '/workshop/16-lazy-init-cold-start-budget/',
      '/workshop/17-provisioned-on-a-budget/',
      '/workshop/18-capstone-printing-and-tags/',
    ]);
    await page.close();
  });

  test.each([
    { path: '/workshop/', talk: 'Talk 3: Node.js runtime monitoring', card: '13. Find the memory leak' },
    { path: '/zh-cn/workshop/', talk: '分享 3：Node.js 运行时监控', card: '13. 找出内存泄漏' },
  ])('$path groups the exercises by talk, each talk heading its own cards', async ({ path, talk, card }) => {
    const page = await suite.browser.newPage();
    await page.goto(suite.url + path);
    const headings = await page.locator('.sl-markdown-content h3').allTextContents();
    expect(headings).toHaveLength(await page.locator('[data-hs-talk]').count());
    const cardsAfter = await page
      .locator('.sl-markdown-content h3', { hasText: talk })
      .evaluate((heading) => {
        let next = heading.closest('.sl-heading-wrapper') ?? heading;
        const titles: string[] = [];
        while ((next = next.nextElementSibling as Element) && !next.matches('h3, .sl-heading-wrapper')) {
          for (const title of next.querySelectorAll('.sl-link-card .title')) titles.push(title.textContent ?? '');
        }
        return titles;
      });
    expect(cardsAfter).toContain(card);
    await page.close();
  });
});
