/**
 * Lighthouse (mobile preset: simulated slow 4G and a 4x slower CPU) on the built site, served gzipped as a host
 * would, in Debian's headless Chromium: /playground/ and one docs page for reference, each the median of RUNS cold
 * page loads (Lighthouse resets storage before each). Prints the performance score, total blocking time, LCP and
 * FCP, the Monaco editor's share of the main thread's script time and of the JavaScript transferred, and the long
 * main-thread tasks of the median run with the script each is charged to. Then, as a Lighthouse timespan (reported,
 * not scored), an exercise page's "edit and check" opened with a click: its total blocking time and INP.
 * Goal: /playground/ scores >= 95.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lighthouse, { startTimespan } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { chromium } from 'playwright-core';
import { debianChromium, quietArgs } from '../e2e/support/browser.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import { builtSiteForBench } from './built-site.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const PAGES = ['/playground/', '/concepts/cold-starts/'];
const EXERCISE = '/workshop/03-init-once/';
const MONACO = /\/(editor\.api|editor\.worker|ts\.worker|tsMode|typescript|javascript|monaco-setup|codicon)[^/]*$/;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Run {
  score: number;
  tbt: number;
  lcp: number;
  fcp: number;
  monacoScriptShare: number;
  monacoBytesShare: number;
  benchmarkIndex: number;
  longTasks: LongTask[];
}

/** Lighthouse's "long main-thread tasks" diagnostic: each task's script (or "Unattributable") and its duration. */
interface LongTask {
  url: string;
  startTime: number;
  duration: number;
}

interface UrlTime {
  url: string;
  scripting: number;
}
interface Request {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

/** Debian's Chromium (or Playwright's elsewhere) with a DevTools port for Lighthouse to drive. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hs-lighthouse-'));
  const executable = existsSync(debianChromium) ? debianChromium : chromium.executablePath();
  const child = spawn(executable, [...quietArgs, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore', detached: true });
  const group = child.pid;
  if (group === undefined) throw new Error(`could not start ${executable}`);
  const portFile = join(profile, 'DevToolsActivePort');
  for (let tries = 0; !existsSync(portFile) || readFileSync(portFile, 'utf8').trim() === ''; tries++) {
    if (tries > 200) throw new Error('Chromium did not open its DevTools port');
    await sleep(50);
  }
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  return {
    port,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      // The whole process group: once, a helper outlived the browser and wrote its cache into the profile being removed.
      process.kill(-group, 'SIGTERM');
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    },
  };
}

/** One page load audited, or the reason Lighthouse gave for having no figures (a load that timed out, say). */
async function audit(url: string, port: number): Promise<Run | string> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) return 'no result';
  if (result.lhr.runtimeError) return `${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`;
  const { audits, categories } = result.lhr;
  const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  const bootup = ((audits['bootup-time']?.details as { items?: UrlTime[] } | undefined)?.items ?? []).filter((item) => item.url.startsWith('http'));
  const requests = ((audits['network-requests']?.details as { items?: Request[] } | undefined)?.items ?? []).filter((item) => item.resourceType === 'Script');
  const share = <T>(items: T[], url: (item: T) => string, size: (item: T) => number) => {
    const total = items.reduce((sum, item) => sum + size(item), 0);
    return total === 0 ? 0 : items.filter((item) => MONACO.test(url(item))).reduce((sum, item) => sum + size(item), 0) / total;
  };
  return {
    score: (categories.performance?.score ?? Number.NaN) * 100,
    tbt: numeric('total-blocking-time'),
    lcp: numeric('largest-contentful-paint'),
    fcp: numeric('first-contentful-paint'),
    monacoScriptShare: share(bootup, (item) => item.url, (item) => item.scripting),
    monacoBytesShare: share(requests, (item) => item.url, (item) => item.transferSize ?? 0),
    benchmarkIndex: result.lhr.environment.benchmarkIndex,
    longTasks: (audits['long-tasks']?.details as { items?: LongTask[] } | undefined)?.items ?? [],
  };
}

interface Opening {
  tbt: number;
  inp: number;
}

/**
 * An exercise page loaded, then a timespan around the click that opens its editor, until Monaco is drawn (Lighthouse
 * user flows drive a Puppeteer page, hence puppeteer-core beside Playwright here).
 */
async function openingTimespan(url: string, port: number): Promise<Opening | string> {
  const connected = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const page = await connected.newPage();
  try {
    await page.goto(url, { waitUntil: 'networkidle0' });
    const flow = await startTimespan(page, { flags: { onlyCategories: ['performance'], logLevel: 'error' } });
    await page.click('[data-hs-workbench-open]');
    await page.waitForSelector('[data-hs-workbench] .monaco-editor .view-lines', { timeout: 60_000 });
    // One request stays open for good in the page's view: the shared compiler worker's script, whose response goes to
    // the worker's own process. Idle is when nothing else is in flight.
    await page.waitForNetworkIdle({ idleTime: 1000, concurrency: 1 });
    const result = await flow.endTimespan();
    if (!result) return 'no result';
    const numeric = (id: string) => result.lhr.audits[id]?.numericValue ?? Number.NaN;
    return { tbt: numeric('total-blocking-time'), inp: numeric('interaction-to-next-paint') };
  } finally {
    await page.close();
    await connected.disconnect();
  }
}

// Lighthouse scales the CPU time it observes, so a busy machine reads slow: the load and Lighthouse's own CPU
// benchmark (higher is faster) are printed beside the figures.
console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
const site = await serveStatic(builtSiteForBench(), { gzip: true });
const browser = await startChromium();
try {
  for (const path of PAGES) {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      const outcome = await audit(`${site.url}${path}`, browser.port);
      if (typeof outcome === 'string') console.log(`${path}: a run without figures (${outcome})`);
      else runs.push(outcome);
    }
    if (runs.length === 0) continue;
    const byScore = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!;
    const pct = (value: number) => `${(value * 100).toFixed(0)} %`;
    console.log(
      `${path.padEnd(24)} performance ${median(runs.map((r) => r.score)).toFixed(0)} (runs: ${runs.map((r) => r.score.toFixed(0)).join(', ')}; goal for /playground/ >= 95; load average now ${loadavg()[0]?.toFixed(2)})`,
    );
    console.log(
      `${''.padEnd(24)} median TBT ${median(runs.map((r) => r.tbt)).toFixed(0)} ms, LCP ${median(runs.map((r) => r.lcp)).toFixed(0)} ms, FCP ${median(runs.map((r) => r.fcp)).toFixed(0)} ms; ` +
        `Monaco in the median-score run: ${pct(byScore.monacoScriptShare)} of script time, ${pct(byScore.monacoBytesShare)} of JS transferred; ` +
        `CPU benchmark index ${median(runs.map((r) => r.benchmarkIndex)).toFixed(0)}`,
    );
    // Where the blocking time comes from: the median run's long tasks as Lighthouse lists them (observed, not x4).
    for (const task of byScore.longTasks.slice(0, 8)) {
      console.log(`${''.padEnd(24)}   long task at ${task.startTime.toFixed(0)} ms, ${task.duration.toFixed(0)} ms: ${task.url.replace(site.url, '')}`);
    }
  }
  const openings: Opening[] = [];
  for (let run = 0; run < RUNS; run++) {
    const outcome = await openingTimespan(`${site.url}${EXERCISE}`, browser.port);
    if (typeof outcome === 'string') console.log(`${EXERCISE} editor: a run without figures (${outcome})`);
    else openings.push(outcome);
  }
  if (openings.length > 0) {
    console.log(
      `${EXERCISE} "edit and check" opened (timespan, not scored): median TBT ${median(openings.map((o) => o.tbt)).toFixed(0)} ms, ` +
        `INP ${median(openings.map((o) => o.inp)).toFixed(0)} ms (runs: ${openings.map((o) => `${o.tbt.toFixed(0)}/${o.inp.toFixed(0)}`).join(', ')}; load average now ${loadavg()[0]?.toFixed(2)})`,
    );
  }
} finally {
  await browser.stop();
  await site.close();
}
