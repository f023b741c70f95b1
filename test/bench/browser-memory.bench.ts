/**
 * What the browser host can know about instance memory, and how fast it acts, on the built site in headless
 * Chromium (cross-origin isolated, as the site is served):
 * - sample age: an instance grows by 1 MB every 100 ms and logs each step; for every memory sample, the moment the
 *   instance really held the reported bytes is read off its log, giving the figure's true age on arrival next to
 *   the `ageMs` bound the host reports;
 * - a dead frame: the frame's renderer is killed with SIGKILL under a running request; time from the kill to the
 *   request's out-of-memory end (the host's ping, every 250 ms, judges after 2 s of silence);
 * - a 200 MB/s bomb (ten 1 MB arrays every 50 ms) at a 128 MB setting: time from the invoke to the instance's end,
 *   and which guard ended it (the measurement, or the death of the frame's process).
 * Uses $HS_DIST or dist/ when it holds the engine harness page; otherwise builds the site first.
 */
import '../e2e/engine-driver.ts';
import { launchDebuggableBrowser } from '../e2e/support/debuggable-browser.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import { builtSiteForBench } from './built-site.ts';

const ROUNDS = Number(process.env.BOMB_ROUNDS ?? 3);
const MB = 1024 * 1024;

const site = await serveStatic(builtSiteForBench());
const chromium = await launchDebuggableBrowser();
try {
  const browser = await chromium.connect();
  const harnessUrl = `${site.url}/dev/engine-harness/`;
  const page = await browser.contexts()[0]!.newPage();
  await page.goto(harnessUrl);
  await page.locator('body[data-ready="true"]').waitFor();
  console.log(`Chromium ${browser.version()}, crossOriginIsolated ${await page.evaluate(() => crossOriginIsolated)}`);

  // Installs window.hsBench.start(code, memoryMb, timeoutMs, event), which records what one instance reports.
  await page.evaluate(async () => {
    const { BrowserInstanceHost, browserCompiler } = window.hsEngine;
    const host = await BrowserInstanceHost.create({});
    const compiler = browserCompiler();
    type Run = { startedAt: number; endedAt?: number; reason?: string; error?: string; samples: { at: number; bytes: number; ageMs: number }[]; logs: { at: number; text: string }[] };
    const runs: Run[] = [];
    const handles: { terminate(reason: 'shutdown'): void }[] = [];
    Object.assign(window, {
      hsBench: {
        runs,
        stop: (i: number) => handles[i]?.terminate('shutdown'),
        async start(code: string, memoryMb: number, timeoutMs: number, event: unknown): Promise<number> {
          const compiled = await compiler.compile({ entry: 'index.js', files: { 'index.js': code } });
          if (!compiled.ok) throw new Error('bench handler does not compile');
          const run: Run = { startedAt: Date.now(), samples: [], logs: [] };
          runs.push(run);
          const handle = host.start({ instanceId: `b${runs.length}`, functionName: 'bench', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, files: {}, env: {}, memoryMb, timeoutMs, startCause: 'request' }, {
            onReady: () => handle.invoke({ requestId: `r${runs.length}`, event, deadline: Date.now() + timeoutMs }),
            onInitError: () => undefined,
            onLog: (_request, _level, text) => run.logs.push({ at: Date.now(), text }),
            onResult: () => {
              run.endedAt = Date.now();
              handle.terminate('shutdown');
            },
            onMetrics: (sample) => run.samples.push({ at: Date.now(), bytes: sample.heapUsed ?? Number.NaN, ageMs: sample.ageMs ?? Number.NaN }),
            onExit: (reason, error) => {
              run.endedAt ??= Date.now();
              run.reason = reason;
              if (error) run.error = error.errorMessage;
            },
          });
          handles.push(handle);
          return runs.length - 1;
        },
      },
    });
  });
  type Run = { startedAt: number; endedAt?: number; reason?: string; error?: string; samples: { at: number; bytes: number; ageMs: number }[]; logs: { at: number; text: string }[] };
  // Playwright calls the page crashed when the frame's process dies; a fresh connection sees it alive.
  let current = page;
  const bench = (index: number) => current.evaluate((i) => (window as unknown as { hsBench: { runs: Run[] } }).hsBench.runs[i]!, index);
  const start = (code: string, memoryMb: number, timeoutMs: number, event: unknown = {}) =>
    current.evaluate(({ code, memoryMb, timeoutMs, event }) => (window as unknown as { hsBench: { start(c: string, m: number, t: number, e: unknown): Promise<number> } }).hsBench.start(code, memoryMb, timeoutMs, event), { code, memoryMb, timeoutMs, event });
  const until = async (index: number, done: (run: Run) => boolean, limitMs: number) => {
    const begun = Date.now();
    for (;;) {
      const run = await bench(index);
      if (done(run) || Date.now() - begun > limitMs) return run;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  // Sample age.
  const grow = "exports.main_handler = async () => { const keep = []; for (let i = 1; i <= 900; i++) { keep.push(new Array(131072).fill(Math.random())); console.log(String(i)); await new Promise((r) => setTimeout(r, 100)); } return keep.length; };";
  const growing = await start(grow, 3008, 120_000);
  const grown = await until(growing, (run) => run.samples.length >= 4 || run.endedAt !== undefined, 100_000);
  const trueAges: number[] = [];
  const reported: number[] = [];
  const gaps: number[] = [];
  grown.samples.forEach((sample, i) => {
    const heldMb = sample.bytes / MB;
    const step = grown.logs.find((line) => Number(line.text) >= heldMb);
    if (step) trueAges.push(sample.at - step.at);
    reported.push(sample.ageMs);
    if (i > 0) gaps.push(sample.at - grown.samples[i - 1]!.at);
  });
  console.log(`memory samples of a growing instance    ${grown.samples.length}, first ${s((grown.samples[0]?.at ?? NaN) - grown.startedAt)} after the invoke, then every ${s(median(gaps))} (median)`);
  console.log(`sample age on arrival, true             median ${s(median(trueAges))}, range ${s(Math.min(...trueAges))}-${s(Math.max(...trueAges))}`);
  console.log(`sample age on arrival, reported (bound) median ${s(median(reported))}, range ${s(Math.min(...reported))}-${s(Math.max(...reported))}`);
  await current.evaluate((i) => (window as unknown as { hsBench: { stop(i: number): void } }).hsBench.stop(i), growing);

  // A dead frame: the frame's renderer killed under a running request.
  const hold = "exports.main_handler = async () => { const keep = Array.from({ length: 400 }, () => new Array(131072).fill(Math.random())); console.log('holding'); await new Promise((r) => setTimeout(r, 60000)); return keep.length; };";
  // Once the instance holds its 400 MB, the frame's renderer is the largest one (the page's holds the compiler).
  const detections: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const index = await start(hold, 1024, 90_000);
    await until(index, (run) => run.logs.some((line) => line.text === 'holding'), 60_000);
    const victim = (await chromium.renderers())[0]!.pid;
    const crashed = new Promise((done) => current.once('crash', done));
    const killedAt = Date.now();
    process.kill(victim, 'SIGKILL');
    // A connection made before Playwright has heard of the crash would be told of it too.
    await crashed;
    current = await chromium.freshPage(harnessUrl);
    let run: Run;
    for (;;) {
      run = await bench(index);
      if (run.endedAt !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    detections.push(run.endedAt! - killedAt);
    console.log(`frame process killed, round ${round + 1}           request ended ${s(run.endedAt! - killedAt)} later (${run.reason}): ${run.error ?? ''}`);
  }
  console.log(`dead frame noticed                       median ${s(median(detections))} after the kill`);

  // The 200 MB/s bomb.
  const bomb = 'exports.main_handler = async () => { const keep = []; for (;;) { for (let i = 0; i < 10; i++) keep.push(new Array(131072).fill(Math.random())); await new Promise((r) => setTimeout(r, 50)); } };';
  for (let round = 0; round < ROUNDS; round++) {
    const index = await start(bomb, 128, 120_000).catch(() => -1);
    let run: Run;
    for (;;) {
      try {
        run = await bench(index);
      } catch {
        current = await chromium.freshPage(harnessUrl);
        continue;
      }
      if (run.endedAt !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const by = run.error?.includes('sandbox process ended') ? 'the frame process died' : run.error?.includes('memory limit') ? 'the measurement' : run.reason;
    console.log(`200 MB/s bomb, 128 MB setting, round ${round + 1}  stopped ${s(run.endedAt! - run.startedAt)} after the invoke, by ${by}: ${run.error ?? ''}`);
  }
} finally {
  await chromium.close();
  await site.close();
}
