/**
 * `npm run screenshots -- / /zh-cn/ …`: photographs pages of the built site at desktop and phone sizes, in the light
 * and dark themes, into $SHOTS_DIR (default /tmp/hello-serverless-shots), for a person to look at. Not a test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.ts';
import { serveBuiltSite } from './site.ts';

const out = process.env.SHOTS_DIR ?? '/tmp/hello-serverless-shots';
const paths = process.argv.slice(2);
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const themes = ['light', 'dark'] as const;

mkdirSync(out, { recursive: true });
const site = await serveBuiltSite();
const browser = await launchBrowser();
try {
  for (const path of paths.length > 0 ? paths : ['/', '/zh-cn/']) {
    for (const viewport of viewports) {
      for (const theme of themes) {
        const page = await browser.newPage({ viewport, colorScheme: theme });
        await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
        await page.goto(site.url + path, { waitUntil: 'networkidle' });
        const file = join(out, `${path.replace(/\W+/g, '_') || 'root'}-${viewport.name}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}
