/**
 * One headless Chromium for the e2e suite. Debian's /usr/bin/chromium where it exists (this project's CI);
 * elsewhere the browser Playwright manages, so a developer on another machine still gets a working suite.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const debianChromium = '/usr/bin/chromium';

// Without these, Chromium keeps dialling Google services that a closed network refuses, and can hang.
export const quietArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Every context (and `browser.newPage()`) blocks the site's service worker unless its options say
 * `serviceWorkers: 'allow'`: the worker precaches ~27 MB (43 MB stored) into each new context, 20-35 s of
 * background work on this shared machine, which specs of other things should not pay for or be slowed by.
 * offline.test.ts and isolation.test.ts allow it.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    headless: true,
    args: quietArgs,
    ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return browser;
}

/** Collects console errors and uncaught page errors, so a test can assert a page loaded cleanly. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
