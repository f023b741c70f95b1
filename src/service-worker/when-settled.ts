/**
 * When a page has finished starting: loaded, past the first long idle moment in which the playground starts Monaco
 * unasked (main-thread.ts), then a stretch with no resource fetched and no long task. The service worker's install
 * downloads the whole build (~27 MB), which on a phone or two cores slows every task the page still runs.
 */
import { whenIdle, whenLongIdle } from '../../playground/ui/engine/main-thread.ts';

/** How long a page must go without fetching anything or running a long task to count as settled. */
const QUIET_MS = 3000;

/** A page that never goes quiet (one that polls, say) counts as settled this long after its first long idle moment. */
const AT_MOST_MS = 30_000;

/** Runs `run` in an idle moment once the page has settled. */
export function whenSettled(run: () => void): void {
  const start = (): void => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const observer = new PerformanceObserver(() => restart());
    // Whichever of the two timers fires first clears the other, so this runs once.
    const settle = (): void => {
      clearTimeout(quiet);
      clearTimeout(cap);
      observer.disconnect();
      whenIdle(run);
    };
    const restart = (): void => {
      clearTimeout(quiet);
      quiet = setTimeout(settle, QUIET_MS);
    };
    // Only Chromium reports long tasks; elsewhere fetches alone mark the page as busy.
    for (const type of ['resource', 'longtask']) {
      if (PerformanceObserver.supportedEntryTypes.includes(type)) observer.observe({ type });
    }
    const cap = setTimeout(settle, AT_MOST_MS);
    restart();
  };
  whenLongIdle(start);
}
