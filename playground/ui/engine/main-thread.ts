/**
 * Sharing the page's one thread while the playground starts. The page must paint and take input first; parts it
 * can do without (Monaco, the engine, the hidden panels) start when asked or once the page has been idle a while.
 */

/** How long the page must have been loaded before an idle moment starts optional work unasked. */
const UNASKED_AFTER_LOAD_MS = 4000;

/** Runs `start` in the browser's next idle moment (at most 2 s away), or at once where there are no idle callbacks. */
export function whenIdle(start: () => void): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(() => start(), { timeout: 2000 });
  else start();
}

/** Runs `start` in an idle moment once the page has been loaded for a while, so loading the page never waits on it. */
export function whenLongIdle(start: () => void): void {
  const later = () => setTimeout(() => whenIdle(start), UNASKED_AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Ends the current task so the browser can paint and handle input, and resumes the caller soon after: a start-up
 * split at these points never holds the thread long enough to delay a keystroke or a click.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
