import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { launchDebuggableBrowser, type DebuggableBrowser } from './debuggable-browser.ts';
import { serveBuiltSite } from './site.ts';
import type { StaticSite } from './static-server.ts';

export interface SiteSuite {
  /** The served site's origin, e.g. http://127.0.0.1:40123 (set once the suite has started). */
  url: string;
  browser: Browser;
}

/** Serves the built site and launches Chromium once for the calling test file, and closes both after it. */
export function useBuiltSite(): SiteSuite {
  let site: StaticSite | undefined;
  const suite = {} as SiteSuite;
  beforeAll(async () => {
    site = await serveBuiltSite();
    suite.url = site.url;
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await site?.close();
  });
  return suite;
}

export interface DebuggableSiteSuite {
  url: string;
  chromium: DebuggableBrowser;
}

/** As useBuiltSite, with a Chromium that survives Playwright's idea of a crash (specs that kill a renderer). */
export function useDebuggableSite(): DebuggableSiteSuite {
  let site: StaticSite | undefined;
  const suite = {} as DebuggableSiteSuite;
  beforeAll(async () => {
    site = await serveBuiltSite();
    suite.url = site.url;
    suite.chromium = await launchDebuggableBrowser();
  });
  afterAll(async () => {
    await suite.chromium?.close();
    await site?.close();
  });
  return suite;
}
