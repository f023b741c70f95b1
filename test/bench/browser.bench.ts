/**
 * The browser engine against the floor Chromium sets, on the built site in headless Chromium:
 * - warm: one invocation round trip on an idle instance through Platform + BrowserInstanceHost (and through the
 *   host alone), against a bare page-owned Worker echoing the same message;
 * - cold: a request that starts a new instance through the Platform (spawn in the sandbox frame + load + init +
 *   first result), against a bare `new Worker` from a blob + first echo;
 * - esbuild-wasm: rebuilding a generated 500-line TypeScript handler after a one-line edit;
 * - JavaScript (gzip) that /playground/ loads before it requests the editor;
 * - the playground page itself: Invoke pressed to its result painted, warm (the same code again) and cold (after an
 *   edit of the code, so it compiles, deploys and starts a new instance), pressed at once and a second after the edit,
 *   and at once again after a few dozen edits, and at once on a fresh page whose first result was read a while;
 *   and a fresh page's first Invoke (esbuild and the sandbox start), pressed as soon as its editor is drawn and
 *   after reading the page for a while.
 * Goals: warm <= 2x echo, cold <= 1.5x bare spawn, <= 100 KB gzip before the editor, Invoke warm <= 50 ms and
 * cold after an edit <= 150 ms. Medians after warm-ups.
 * Uses $HS_DIST or dist/ when it holds the engine harness page; otherwise builds the site into a temp dir first.
 */
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import '../e2e/engine-driver.ts';
import { builtSiteForBench } from './built-site.ts';

const WARM_BATCHES = Number(process.env.WARM_BATCHES ?? 30);
const BATCH = 100;
const COLD_ROUNDS = Number(process.env.COLD_ROUNDS ?? 25);
const INVOKE_ROUNDS = Number(process.env.INVOKE_ROUNDS ?? 15);
/** About the time a person takes to reach the Invoke button after typing. */
const EDIT_PAUSE_MS = 1000;
/** Fresh pages whose first Invoke is timed, each way. */
const FIRST_ROUNDS = Number(process.env.FIRST_ROUNDS ?? 3);
/** A learner reading the example before pressing Invoke. */
const READING_MS = 10_000;
/** A learner reading the first result before editing the code. */
const RESULT_READING_MS = 5_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Presses Invoke and resolves with the milliseconds until its result is in the panel and the next frame is drawn. */
function invokeToPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>('[data-hs="invoke"]')!;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (button.hasAttribute('aria-busy')) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        });
        observer.observe(button, { attributes: true, attributeFilter: ['aria-busy'] });
        button.click();
      }),
  );
}

console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
const site = await serveStatic(builtSiteForBench());
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${site.url}/dev/engine-harness/`);
  await page.locator('body[data-ready="true"]').waitFor();

  const figures = await page.evaluate(async ({ warmBatches, batch, coldRounds }) => {
    const { BrowserInstanceHost, SandboxFrame, browserCompiler, Platform, RealClock } = window.hsEngine;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    const event = { path: '/hello', httpMethod: 'GET', queryString: { name: 'Ada' }, headers: { accept: 'application/json' }, body: '' };
    const echoSource = "onmessage = (m) => postMessage({ v: 1, type: 'result', requestId: m.data.requestId, ok: true, value: m.data.event, durationMs: 0, usage: {} });";
    const echoUrl = URL.createObjectURL(new Blob([echoSource], { type: 'text/javascript' }));
    // performance.now() is coarse without cross-origin isolation, so batches of round trips are timed; the four
    // paths take turns batch by batch, so the noise of a shared machine falls on all of them alike.
    const interleaved = async (paths: Record<string, () => Promise<unknown>>) => {
      const means: Record<string, number[]> = {};
      for (const [name, roundTrip] of Object.entries(paths)) {
        means[name] = [];
        for (let i = 0; i < batch * 2; i++) await roundTrip();
      }
      for (let b = 0; b < warmBatches; b++) {
        for (const [name, roundTrip] of Object.entries(paths)) {
          const started = performance.now();
          for (let i = 0; i < batch; i++) await roundTrip();
          means[name]?.push((performance.now() - started) / batch);
        }
      }
      return Object.fromEntries(Object.entries(means).map(([name, values]) => [name, median(values)]));
    };

    const compiler = browserCompiler();
    const handler = await compiler.compile({ entry: 'index.js', files: { 'index.js': 'exports.main_handler = async (event) => event;' } });
    if (!handler.ok) throw new Error('bench handler does not compile');
    const clock = new RealClock();
    const host = await BrowserInstanceHost.create({ clock });
    const platform = new Platform({ clock, host });
    const config = { name: 'bench', dialect: 'scf' as const, exportName: 'main_handler', bundle: handler.bundle, files: {}, env: {}, memoryMb: 128, timeoutS: 3, keepAliveS: 600 };
    platform.deploy(config);
    const message = (requestId: string) => ({ v: 1, type: 'invoke', requestId, event, context: { requestId, functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: 128, timeLimitInMs: 3000, namespace: 'default', region: 'ap-guangzhou' }, deadline: Date.now() + 3000 });
    let n = 0;

    const echo = new Worker(echoUrl);
    // The same echo as the host reaches instances: a worker of a sandboxed frame, over a MessagePort.
    const frameEchoSource = `onmessage = (m) => { const port = m.data.port; port.onmessage = (e) => port.postMessage({ v: 1, type: 'result', requestId: e.data.requestId, ok: true, value: e.data.event, durationMs: 0, usage: {} }); };`;
    const frame = await SandboxFrame.open(frameEchoSource, 'classic');
    const channel = new MessageChannel();
    frame.spawn('echo', channel.port2);

    let resolveResult: (() => void) | undefined;
    let hostReady: (() => void) | undefined;
    const ready = new Promise<void>((done) => (hostReady = done));
    const handle = host.start({ instanceId: 'direct', functionName: 'bench', dialect: 'scf', exportName: 'main_handler', bundle: handler.bundle, files: {}, env: {}, memoryMb: 128, timeoutMs: 3000, startCause: 'request' }, {
      onReady: () => hostReady?.(),
      onInitError: () => undefined,
      onLog: () => undefined,
      onResult: () => resolveResult?.(),
      onExit: () => undefined,
    });
    await ready;

    const warm = await interleaved({
      echo: () => new Promise((done) => {
        echo.onmessage = done;
        echo.postMessage(message(`e${n++}`));
      }),
      frameEcho: () => new Promise((done) => {
        channel.port1.onmessage = done;
        channel.port1.postMessage(message(`f${n++}`));
      }),
      host: () => new Promise<void>((done) => {
        resolveResult = done;
        handle.invoke({ requestId: `h${n++}`, event, deadline: clock.now() + 3000 });
      }),
      platform: () => platform.invoke('bench', event),
    });
    handle.terminate('shutdown');
    frame.close();
    echo.terminate();

    const bareCold: number[] = [];
    const platformCold: number[] = [];
    const phases: { spawnMs: number; loadMs: number; initMs: number }[] = [];
    for (let round = 0; round < coldRounds + 5; round++) {
      const started = performance.now();
      const worker = new Worker(echoUrl);
      await new Promise((done) => {
        worker.onmessage = done;
        worker.postMessage(message(`c${round}`));
      });
      const bare = performance.now() - started;
      worker.terminate();
      const name = `cold-${round}`;
      platform.deploy({ ...config, name });
      const coldStarted = performance.now();
      const record = await platform.invoke(name, event);
      const cold = performance.now() - coldStarted;
      platform.remove(name);
      if (record.startKind !== 'cold' || record.status !== 'ok') throw new Error(`expected a cold start, got ${record.startKind} ${record.status}`);
      if (round >= 5) {
        bareCold.push(bare);
        platformCold.push(cold);
        if (record.phases) phases.push(record.phases);
      }
    }

    const steps = 166;
    const lines = Array.from({ length: steps }, (_, i) => `export function step${i}(input: { value: number }): { value: number } {\n  return { value: input.value + ${i} };\n}`);
    const bigFile = (edit: number) => `${lines.join('\n')}\nexport const main_handler = async (event: { value: number }) => step${edit % steps}(event);\n`;
    const rebuilds: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      const result = await compiler.compile({ entry: 'index.ts', files: { 'index.ts': bigFile(i) } });
      if (!result.ok) throw new Error('500-line handler does not compile');
      if (i >= 3) rebuilds.push(performance.now() - started);
    }
    platform.shutdown();
    host.dispose();
    return {
      echoWarm: warm.echo ?? NaN, frameEchoWarm: warm.frameEcho ?? NaN, platformWarm: warm.platform ?? NaN, hostWarm: warm.host ?? NaN,
      bareCold: median(bareCold), platformCold: median(platformCold),
      spawn: median(phases.map((p) => p.spawnMs)), load: median(phases.map((p) => p.loadMs)), init: median(phases.map((p) => p.initMs)),
      rebuild: median(rebuilds), lines: bigFile(0).split('\n').length,
    };
  }, { warmBatches: WARM_BATCHES, batch: BATCH, coldRounds: COLD_ROUNDS });
  await page.close();

  const before = await browser.newPage();
  const scripts = new Map<string, number>();
  let editorRequested = false;
  await before.route(/\/(code-editor|editor\.api|editor\.worker|ts\.worker|tsMode|typescript)[^/]*\.js/, async (route) => {
    editorRequested = true;
    await route.abort();
  });
  before.on('response', async (response) => {
    if (editorRequested || !/\.m?js(\?|$)/.test(response.url())) return;
    const body = await response.body().catch(() => undefined);
    if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
  });
  before.on('pageerror', () => undefined);
  await before.goto(`${site.url}/playground/`, { waitUntil: 'networkidle' });
  await before.close();
  const gzipBytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);

  /**
   * Opens /playground/ and points at its code and clicks into it, like a person about to type (pointing starts Monaco;
   * without it Monaco starts only in the page's first long idle moment); resolves once Invoke is enabled.
   */
  const openPlayground = async (page: Page): Promise<void> => {
    await page.goto(`${site.url}/playground/`);
    await page.locator('[data-hs="editor"]').hover();
    await page.locator('.monaco-editor .view-lines').click({ timeout: 30_000 });
    await page.locator('[data-hs="invoke"]:not([disabled])').waitFor({ timeout: 30_000 });
  };
  const playground = await browser.newPage();
  await openPlayground(playground);
  await invokeToPaint(playground);
  const warmInvokes: number[] = [];
  for (let round = 0; round < INVOKE_ROUNDS + 2; round++) {
    const ms = await invokeToPaint(playground);
    if (round >= 2) warmInvokes.push(ms);
  }
  /** Edits the code, waits `pauseMs` (the page compiles ahead once typing pauses) and times Invoke. */
  const editedInvokes = async (pauseMs: number, mark: string, page = playground): Promise<number[]> => {
    const times: number[] = [];
    for (let round = 0; round < Math.ceil(INVOKE_ROUNDS / 2) + 1; round++) {
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(`// ${mark}${round}`);
      await page.waitForTimeout(pauseMs);
      const ms = await invokeToPaint(page);
      if (round >= 1) times.push(ms);
    }
    return times;
  };
  const editedAtOnce = await editedInvokes(0, 'a');
  const editedAfterPause = await editedInvokes(EDIT_PAUSE_MS, 'p');
  // The same at-once edits once V8 has optimised esbuild's hot paths, which takes about a dozen builds of a kind
  // (NOTES.md): after 27 edits, unmeasured and measured alike.
  await editedInvokes(0, 'w');
  const editedAtOnceLater = await editedInvokes(0, 'b');
  const laterFrom = 3 * (Math.ceil(INVOKE_ROUNDS / 2) + 1) + 2;
  await playground.close();
  // The at-once edits again on a fresh page, by a learner who reads its first result before typing: the page warms
  // esbuild up in that pause (playground/compiler/warm-up.ts), which the burst of warm Invokes above never leaves it.
  const reader = await browser.newPage();
  await openPlayground(reader);
  await invokeToPaint(reader);
  await reader.waitForTimeout(RESULT_READING_MS);
  const editedAfterReading = await editedInvokes(0, 'r', reader);
  await reader.close();

  /** A first visit's first Invoke: a page of its own (so a compiler of its own), `readMs` after its editor is drawn. */
  const firstInvoke = async (readMs: number): Promise<number> => {
    const page = await browser.newPage();
    try {
      await openPlayground(page);
      await page.waitForTimeout(readMs);
      return await invokeToPaint(page);
    } finally {
      await page.close();
    }
  };
  const firstAtOnce: number[] = [];
  const firstAfterReading: number[] = [];
  for (let round = 0; round < FIRST_ROUNDS; round++) {
    firstAtOnce.push(await firstInvoke(0));
    firstAfterReading.push(await firstInvoke(READING_MS));
  }

  const us = (ms: number) => `${(ms * 1000).toFixed(1)} us`;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`warm round trip, bare Worker echo        ${us(figures.echoWarm)}`);
  console.log(`warm round trip, echo in sandbox frame   ${us(figures.frameEchoWarm)}  (${(figures.frameEchoWarm / figures.echoWarm).toFixed(2)}x echo: the price of the opaque-origin frame)`);
  console.log(`warm round trip, BrowserInstanceHost     ${us(figures.hostWarm)}  (${(figures.hostWarm / figures.echoWarm).toFixed(2)}x echo, ${(figures.hostWarm / figures.frameEchoWarm).toFixed(2)}x frame echo)`);
  console.log(`warm round trip, Platform + host         ${us(figures.platformWarm)}  (${(figures.platformWarm / figures.echoWarm).toFixed(2)}x echo; goal <= 2x; ${(figures.platformWarm / figures.frameEchoWarm).toFixed(2)}x frame echo)`);
  console.log(`cold start, bare new Worker + first echo ${ms(figures.bareCold)}`);
  console.log(`cold start, Platform + host (to result)  ${ms(figures.platformCold)}  (${(figures.platformCold / figures.bareCold).toFixed(2)}x bare; goal <= 1.5x)`);
  console.log(`  phases: spawn ${ms(figures.spawn)}, load ${ms(figures.load)}, init ${ms(figures.init)}`);
  console.log(`esbuild-wasm rebuild, ${figures.lines}-line handler   ${ms(figures.rebuild)}`);
  console.log(`JS before the editor is requested        ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${scripts.size} files (goal <= 100 KB)`);
  for (const [url, size] of scripts) console.log(`  ${(size / 1024).toFixed(1)} KB  ${url.replace(site.url, '')}`);
  const loadNow = `load average now ${loadavg()[0]?.toFixed(2)}`;
  console.log(`playground Invoke to result painted, warm ${ms(median(warmInvokes))} (goal <= 50 ms; runs: ${warmInvokes.map((v) => v.toFixed(0)).join(', ')}; ${loadNow})`);
  console.log(`playground Invoke after an edit, cold    ${ms(median(editedAtOnce))} (pressed as the last key lands; goal <= 150 ms; runs: ${editedAtOnce.map((v) => v.toFixed(0)).join(', ')}; ${loadNow})`);
  console.log(`  the same, ${EDIT_PAUSE_MS} ms after the last key   ${ms(median(editedAfterPause))} (compiled ahead while typing paused; runs: ${editedAfterPause.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  the same, at once, edits ${laterFrom}-${laterFrom + editedAtOnceLater.length - 1}       ${ms(median(editedAtOnceLater))} (esbuild's wasm optimised by then; runs: ${editedAtOnceLater.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  the same, at once, edits 2-${editedAfterReading.length + 1}, fresh page ${ms(median(editedAfterReading))} (its first result read for ${RESULT_READING_MS / 1000} s first; runs: ${editedAfterReading.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`playground first Invoke of a fresh page   ${ms(median(firstAtOnce))} (pressed once the editor is drawn; esbuild and the sandbox start; runs: ${firstAtOnce.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  the same, ${READING_MS / 1000} s after that           ${ms(median(firstAfterReading))} (the page started them while the learner read; runs: ${firstAfterReading.map((v) => v.toFixed(0)).join(', ')})`);
} finally {
  await browser.close();
  await site.close();
}
