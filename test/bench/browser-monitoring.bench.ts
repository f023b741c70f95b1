/**
 * What memory monitoring costs a warm invocation in the browser (issue 10: goal <= 10 % overhead). The browser's
 * only per-instance figure is `performance.measureUserAgentSpecificMemory()`, which the sandbox frame calls over and
 * over while instances live, and only on a cross-origin-isolated page. So the same built site is served twice,
 * once with the isolation headers (monitoring on: the frame measures) and once without (monitoring off: it
 * cannot), and the same warm Platform round trip is timed on both pages, batch by batch in turns so the noise of a
 * shared machine falls on both alike. The isolated page must also have received memory samples, or "on" would
 * not be on.
 * Uses $HS_DIST or dist/ when it holds the engine harness page; otherwise builds the site first.
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import '../e2e/engine-driver.ts';
import { builtSiteForBench } from './built-site.ts';

const BATCHES = Number(process.env.MONITOR_BATCHES ?? 40);
const BATCH = 100;
/** Long enough for the isolated page's frame to answer a few memory measurements (each takes ~20 s). */
const MIN_SECONDS = Number(process.env.MONITOR_MIN_SECONDS ?? 45);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

declare global {
  interface Window {
    monitoringBench: { batch(size: number): Promise<number>; samples(): number };
  }
}

console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
const dist = builtSiteForBench();
const isolatedSite = await serveStatic(dist);
const plainSite = await serveStatic(dist, { isolationHeaders: false });
const browser = await launchBrowser();
try {
  const on = await prepare(await browser.newPage(), isolatedSite.url);
  const off = await prepare(await browser.newPage(), plainSite.url);
  const onMeans: number[] = [];
  const offMeans: number[] = [];
  for (const page of [on.page, off.page]) await page.evaluate((size) => window.monitoringBench.batch(size), BATCH * 2);
  const started = Date.now();
  for (let b = 0; b < BATCHES || (Date.now() - started) / 1000 < MIN_SECONDS; b++) {
    for (const [page, means] of [[on.page, onMeans], [off.page, offMeans]] as const) {
      await page.bringToFront();
      means.push(await page.evaluate((size) => window.monitoringBench.batch(size), BATCH));
    }
  }
  const samplesOn = await on.page.evaluate(() => window.monitoringBench.samples());
  const samplesOff = await off.page.evaluate(() => window.monitoringBench.samples());
  if (!on.isolated || off.isolated) throw new Error(`expected one isolated page and one not, got on=${on.isolated} off=${off.isolated}`);
  if (samplesOn === 0) throw new Error('the isolated page received no memory sample: monitoring was not on');
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  const offMedian = median(offMeans);
  const onMedian = median(onMeans);
  console.log(
    `browser monitoring  warm round trip, memory not measured (page not isolated) ${us(offMedian)}   measured (isolated, ${samplesOn} samples) ${us(onMedian)}   overhead ${((onMedian / offMedian - 1) * 100).toFixed(1)} % (goal <= 10 %)`,
  );
  console.log(`(Chromium ${browser.version()}, ${onMeans.length} batches of ${BATCH} per page, medians of batch means; samples on the page that cannot measure: ${samplesOff})`);
} finally {
  await browser.close();
  await isolatedSite.close();
  await plainSite.close();
}

/** Opens the harness on one site, deploys an echo handler and warms one instance up. */
async function prepare(page: Page, url: string): Promise<{ page: Page; isolated: boolean }> {
  await page.goto(`${url}/dev/engine-harness/`);
  await page.locator('body[data-ready="true"]').waitFor();
  const isolated = await page.evaluate(async () => {
    const { BrowserInstanceHost, browserCompiler, Platform, RealClock } = window.hsEngine;
    const compiled = await browserCompiler().compile({ entry: 'index.js', files: { 'index.js': 'exports.main_handler = async (event) => event;' } });
    if (!compiled.ok) throw new Error('bench handler does not compile');
    const clock = new RealClock();
    const host = await BrowserInstanceHost.create({ clock });
    const platform = new Platform({ clock, host });
    platform.deploy({ name: 'bench', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, files: {}, env: {}, memoryMb: 128, timeoutS: 3, keepAliveS: 600 });
    let samples = 0;
    platform.on((event) => {
      if (event.type === 'instance-metrics') samples += 1;
    });
    const event = { path: '/hello', httpMethod: 'GET' };
    window.monitoringBench = {
      async batch(size) {
        const started = performance.now();
        for (let i = 0; i < size; i++) await platform.invoke('bench', event);
        return (performance.now() - started) / size;
      },
      samples: () => samples,
    };
    return crossOriginIsolated;
  });
  return { page, isolated };
}
