/**
 * How well a page answers while something runs: the longest gap between two animation frames, and the delay of
 * real clicks (the time from the input's own timestamp to its handler). Figures are printed for the record, never
 * asserted (wall-clock thresholds do not hold on a loaded machine); specs assert that frames kept coming and that
 * every click reached its handler. A Chromium trace of the same stretch tells the page's own work from waiting:
 * each main-thread task's wall time and the CPU time its thread really ran; on a machine with more runnable
 * threads than cores, a task's wall time far above its CPU time is the thread waiting for a processor.
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';

export interface Responsiveness {
  /** Animation frames drawn while the work ran. */
  frames: number;
  maxFrameGapMs: number;
  /** Clicks sent to the probe, and the delays of those its handler saw, in order. */
  clicks: number;
  inputDelaysMs: number[];
  /** The page's main-thread task with the longest wall time, and the one that used the most CPU (absent if the trace held none). */
  longestTask: TaskTime | undefined;
  busiestTask: TaskTime | undefined;
  /** The machine's one-minute load average when the work ended. */
  loadAverage: number;
}

export interface TaskTime {
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

interface Probe {
  inputDelays: number[];
}

const PROBE_SIZE = 8;
const CLICK_EVERY_MS = 150;

/** Runs `work` while drawing frames and clicking a probe in the page's corner; returns its value and the figures. */
export async function measureResponsiveness<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; responsiveness: Responsiveness }> {
  // A tab behind another draws no frames at all (Chromium pauses requestAnimationFrame in hidden pages).
  await watchFrames(page);
  await page.evaluate((size) => {
    const probe: Probe = { inputDelays: [] };
    (window as unknown as { hsProbe: Probe }).hsProbe = probe;
    const target = document.createElement('div');
    target.dataset.hsProbe = '';
    target.style.cssText = `position:fixed;left:0;bottom:0;width:${size}px;height:${size}px;z-index:2147483647`;
    // A trusted event's timeStamp is when the input happened, so this is the delay before the page could answer.
    target.addEventListener('click', (event) => probe.inputDelays.push(performance.now() - event.timeStamp));
    document.body.append(target);
  }, PROBE_SIZE);
  const corner = await page.evaluate(() => innerHeight);
  const trace = await startTrace(page);
  let done = false;
  let clicks = 0;
  const clicking = (async () => {
    while (!done) {
      await page.mouse.click(PROBE_SIZE / 2, corner - PROBE_SIZE / 2);
      clicks += 1;
      await new Promise((wait) => setTimeout(wait, CLICK_EVERY_MS));
    }
  })();
  let value: T;
  try {
    value = await work();
  } finally {
    done = true;
    await clicking;
  }
  const tasks = pageTasks(await trace.stop());
  // Clicks still queued behind a busy page reach the handler before this evaluation runs.
  const inputDelays = await page.evaluate(async () => {
    // Work that ends within one frame would count none: the page must still draw a frame after it.
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    document.querySelector('[data-hs-probe]')?.remove();
    return (window as unknown as { hsProbe: Probe }).hsProbe.inputDelays;
  });
  const drawn = await framesWatched(page);
  const responsiveness: Responsiveness = {
    frames: drawn.frames,
    maxFrameGapMs: drawn.maxFrameGapMs,
    clicks,
    inputDelaysMs: inputDelays,
    longestTask: maxBy(tasks, (task) => task.wallMs),
    busiestTask: maxBy(tasks, (task) => task.cpuMs),
    loadAverage: loadavg()[0] ?? Number.NaN,
  };
  return { value, responsiveness };
}

interface FrameWatch {
  running: boolean;
  frames: number;
  maxGap: number;
}

/**
 * Frames alone, counted by the page itself, for work during which Playwright may give up on the page (it calls a
 * page crashed when the sandbox frame's renderer dies beside it): a fresh handle to the same page reads the
 * figures afterwards with `framesWatched`.
 */
export async function watchFrames(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => {
    const watch: FrameWatch = { running: true, frames: 0, maxGap: 0 };
    (window as unknown as { hsFrames: FrameWatch }).hsFrames = watch;
    let last = performance.now();
    const frame = (now: number) => {
      if (!watch.running) return;
      watch.maxGap = Math.max(watch.maxGap, now - last);
      last = now;
      watch.frames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export async function framesWatched(page: Page): Promise<{ frames: number; maxFrameGapMs: number }> {
  return page.evaluate(() => {
    const watch = (window as unknown as { hsFrames: FrameWatch }).hsFrames;
    watch.running = false;
    return { frames: watch.frames, maxFrameGapMs: watch.maxGap };
  });
}

/** Traces only top-level tasks (cheap), browser-wide: the page's renderer and the sandbox frame's alike. */
async function startTrace(page: Page): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (collected) => events.push(...(collected.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel'] }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((ended) => cdp.once('Tracing.tracingComplete', ended));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

/** The tasks of the renderer main thread that ran the most of them (the page's; the sandbox frame's is mostly idle). */
function pageTasks(events: TraceEvent[]): TaskTime[] {
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const byThread = new Map<string, TaskTime[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.name !== 'ThreadControllerImpl::RunTask' || !mains.has(thread) || event.dur === undefined) continue;
    const tasks = byThread.get(thread) ?? [];
    tasks.push({ wallMs: event.dur / 1000, cpuMs: (event.tdur ?? Number.NaN) / 1000 });
    byThread.set(thread, tasks);
  }
  return maxBy([...byThread.values()], (tasks) => tasks.length) ?? [];
}

function maxBy<T>(items: T[], key: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || key(item) > key(best)) best = item;
  return best;
}

export function describeResponsiveness(r: Responsiveness): string {
  const maxInput = r.inputDelaysMs.length > 0 ? Math.max(...r.inputDelaysMs) : Number.NaN;
  const task = (t: TaskTime | undefined) => (t ? `${t.wallMs.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)} ms)` : '—');
  return (
    `max frame gap ${r.maxFrameGapMs.toFixed(1)} ms over ${r.frames} frames; max input delay ${maxInput.toFixed(1)} ms over ${r.inputDelaysMs.length}/${r.clicks} clicks; ` +
    `page's longest task ${task(r.longestTask)}, busiest task ${task(r.busiestTask)}; load average ${r.loadAverage.toFixed(1)}`
  );
}
