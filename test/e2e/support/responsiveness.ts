/**
 * How well a page answers while something runs: the longest gap between two animation frames, and the delay of
 * real clicks (the time from the input's own timestamp to its handler). Figures are printed for the record, never
 * asserted (wall-clock thresholds do not hold on a loaded machine); specs assert that frames kept coming and that
 * every click reached its handler.
 */
import type { Page } from 'playwright-core';

export interface Responsiveness {
  /** Animation frames drawn while the work ran. */
  frames: number;
  maxFrameGapMs: number;
  /** Clicks sent to the probe, and the delays of those its handler saw, in order. */
  clicks: number;
  inputDelaysMs: number[];
}

interface Probe {
  running: boolean;
  frames: number;
  maxGap: number;
  inputDelays: number[];
}

const PROBE_SIZE = 8;
const CLICK_EVERY_MS = 150;

/** Runs `work` while drawing frames and clicking a probe in the page's corner; returns its value and the figures. */
export async function measureResponsiveness<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; responsiveness: Responsiveness }> {
  // A tab behind another draws no frames at all (Chromium pauses requestAnimationFrame in hidden pages).
  await page.bringToFront();
  await page.evaluate((size) => {
    const probe: Probe = { running: true, frames: 0, maxGap: 0, inputDelays: [] };
    (window as unknown as { hsProbe: Probe }).hsProbe = probe;
    let last = performance.now();
    const frame = (now: number) => {
      if (!probe.running) return;
      probe.maxGap = Math.max(probe.maxGap, now - last);
      last = now;
      probe.frames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const target = document.createElement('div');
    target.dataset.hsProbe = '';
    target.style.cssText = `position:fixed;left:0;bottom:0;width:${size}px;height:${size}px;z-index:2147483647`;
    // A trusted event's timeStamp is when the input happened, so this is the delay before the page could answer.
    target.addEventListener('click', (event) => probe.inputDelays.push(performance.now() - event.timeStamp));
    document.body.append(target);
  }, PROBE_SIZE);
  const corner = await page.evaluate(() => innerHeight);
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
  // Clicks still queued behind a busy page reach the handler before this evaluation runs.
  const probe = await page.evaluate(async () => {
    const { hsProbe } = window as unknown as { hsProbe: Probe };
    // Work that ends within one frame would count none: the page must still draw a frame after it.
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    hsProbe.running = false;
    document.querySelector('[data-hs-probe]')?.remove();
    return { frames: hsProbe.frames, maxGap: hsProbe.maxGap, inputDelays: hsProbe.inputDelays };
  });
  return { value, responsiveness: { frames: probe.frames, maxFrameGapMs: probe.maxGap, clicks, inputDelaysMs: probe.inputDelays } };
}

export function describeResponsiveness(r: Responsiveness): string {
  const maxInput = r.inputDelaysMs.length > 0 ? Math.max(...r.inputDelaysMs) : Number.NaN;
  return `max frame gap ${r.maxFrameGapMs.toFixed(1)} ms over ${r.frames} frames; max input delay ${maxInput.toFixed(1)} ms over ${r.inputDelaysMs.length}/${r.clicks} clicks`;
}
