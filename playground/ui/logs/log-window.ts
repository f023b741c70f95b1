import type { LogLine } from './log-store.ts';
import { fill } from '../format.ts';

/** How many rows the panel draws at once: more would make every redraw of a busy load run stall the page. */
export const LOG_WINDOW_SIZE = 1000;

/**
 * The rows the panel draws out of the lines that match its filters: the latest `size` of them while it follows new
 * output, or an earlier stretch after the user pages back (anchored on a line, so new output does not move it).
 */
export interface LogWindow {
  lines: readonly LogLine[];
  /** 1-based positions of the first and last row among the matching lines, and how many match. */
  first: number;
  last: number;
  matching: number;
  /** The anchor that shows the stretch before this one, or absent at the oldest line. */
  earlier?: number;
  /** The anchor that shows the stretch after this one (null: follow the latest), or absent when this is the latest. */
  later?: number | null;
}

/** `end` is the seq of the last row to show, or null to show the latest. */
export function logWindow(matching: readonly LogLine[], end: number | null, size = LOG_WINDOW_SIZE): LogWindow {
  // The oldest stretch is a full one too, also when its anchor's lines were dropped meanwhile.
  const lastIndex = end === null ? matching.length - 1 : Math.max(lastIndexAtOrBefore(matching, end), Math.min(size, matching.length) - 1);
  const firstIndex = Math.max(0, lastIndex - size + 1);
  const window: LogWindow = {
    lines: matching.slice(firstIndex, lastIndex + 1),
    first: matching.length === 0 ? 0 : firstIndex + 1,
    last: lastIndex + 1,
    matching: matching.length,
  };
  const before = matching[firstIndex - 1];
  if (before) window.earlier = before.seq;
  if (lastIndex < matching.length - 1) {
    const laterEnd = lastIndex + size;
    window.later = laterEnd >= matching.length - 1 ? null : (matching[laterEnd]?.seq ?? null);
  }
  return window;
}

/** True when the window leaves matching lines out, so the panel must say which ones it shows. */
export function isPartial(window: LogWindow): boolean {
  return window.lines.length < window.matching;
}

function lastIndexAtOrBefore(lines: readonly LogLine[], seq: number): number {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((lines[middle]?.seq ?? Infinity) <= seq) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The words the note above the rows is made of (PlaygroundStrings has them in each language). */
export interface LogWindowWords {
  logsShowingLines: string;
  logsShowingLinesDropped: string;
  logsShowingMatches: string;
  logsDropped: string;
}

export interface LogStoreCounts {
  written: number;
  dropped: number;
  capacity: number;
}

/**
 * What the panel says about the rows it shows: which stretch of the output (by line number) or of the filter's
 * matches they are, and that older lines were dropped. Empty when every line is on screen.
 */
export function describeLogWindow(
  window: LogWindow,
  counts: LogStoreCounts,
  filtered: boolean,
  t: LogWindowWords,
  count: (value: number) => string,
): string {
  const dropped = { count: count(counts.dropped), capacity: count(counts.capacity) };
  const firstLine = window.lines[0];
  const lastLine = window.lines.at(-1);
  if (!filtered && firstLine && lastLine && (isPartial(window) || counts.dropped > 0)) {
    const range = { first: count(firstLine.seq + 1), last: count(lastLine.seq + 1), total: count(counts.written) };
    return fill(counts.dropped > 0 ? t.logsShowingLinesDropped : t.logsShowingLines, { ...range, ...dropped });
  }
  const parts: string[] = [];
  if (isPartial(window)) parts.push(fill(t.logsShowingMatches, { first: count(window.first), last: count(window.last), count: count(window.matching) }));
  if (counts.dropped > 0) parts.push(fill(t.logsDropped, dropped));
  return parts.join(' ');
}
