import type { LogLevel } from '../../faas/protocol.ts';

/** One line of function output, tagged with where it came from. */
export interface LogLine {
  seq: number;
  time: number;
  level: LogLevel | 'report';
  /** Null for output outside any request (module top level during init). */
  requestId: string | null;
  instanceId: string | null;
  message: string;
}

export interface LogFilter {
  level: LogLevel | 'report' | 'all';
  requestId: string | 'all';
  instanceId: string | 'all';
  text: string;
}

export const noFilter: LogFilter = { level: 'all', requestId: 'all', instanceId: 'all', text: '' };

/** True when the filter leaves some lines out. */
export function narrows(filter: LogFilter): boolean {
  return filter.level !== 'all' || filter.requestId !== 'all' || filter.instanceId !== 'all' || filter.text !== '';
}

export function matches(line: LogLine, filter: LogFilter): boolean {
  if (filter.level !== 'all' && line.level !== filter.level) return false;
  if (filter.requestId !== 'all' && line.requestId !== filter.requestId) return false;
  if (filter.instanceId !== 'all' && line.instanceId !== filter.instanceId) return false;
  if (filter.text !== '' && !line.message.toLowerCase().includes(filter.text.toLowerCase())) return false;
  return true;
}

/**
 * Keeps the most recent lines, so a load run of thousands of requests cannot grow the page without bound;
 * the number dropped is kept so the panel can say so. A line's seq is its place in the output since the last
 * clear (0 for the first line), which the panel shows as its line number.
 */
export class LogStore {
  private readonly lines: LogLine[] = [];
  private next = 0;
  readonly capacity: number;
  dropped = 0;

  constructor(capacity = 5000) {
    this.capacity = capacity;
  }

  /** Lines written since the last clear, the dropped ones included. */
  get written(): number {
    return this.next;
  }

  add(line: Omit<LogLine, 'seq'>): LogLine {
    const entry = { ...line, seq: this.next++ };
    this.lines.push(entry);
    if (this.lines.length > this.capacity) {
      const excess = this.lines.length - this.capacity;
      this.lines.splice(0, excess);
      this.dropped += excess;
    }
    return entry;
  }

  all(): readonly LogLine[] {
    return this.lines;
  }

  clear(): void {
    this.lines.length = 0;
    this.dropped = 0;
    this.next = 0;
  }

  requestIds(): string[] {
    return unique(this.lines.map((line) => line.requestId));
  }

  instanceIds(): string[] {
    return unique(this.lines.map((line) => line.instanceId));
  }
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
