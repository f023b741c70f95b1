import type { LogLevel } from '../faas/protocol.ts';

export interface LogSink {
  (requestId: string | null, level: LogLevel, message: string): void;
}

export interface ConsoleLike {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  trace(...args: unknown[]): void;
}

const LEVELS: Record<keyof ConsoleLike, LogLevel> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'debug' };

/**
 * Routes console.* inside the instance to the host, tagged with the request in flight (one request at a time per
 * instance, as on SCF and Lambda), and stops forwarding once a request has written too much, with one note saying
 * so: a runaway log loop must not flood the page or the terminal.
 */
export class LogCapture {
  #requestId: string | null = null;
  #chars = 0;
  #lines = 0;
  #truncated = false;
  readonly #sink: LogSink;
  readonly #maxChars: number;
  readonly #maxLines: number;
  readonly #format: (args: unknown[]) => string;
  #rewrite: (text: string) => string = (text) => text;

  constructor(sink: LogSink, format: (args: unknown[]) => string, limits: { maxLogChars: number; maxLogLines: number }) {
    this.#sink = sink;
    this.#format = format;
    this.#maxChars = limits.maxLogChars;
    this.#maxLines = limits.maxLogLines;
  }

  /** Starts a new budget for the next request (null: output outside any request). */
  begin(requestId: string | null): void {
    this.#requestId = requestId;
    this.#chars = 0;
    this.#lines = 0;
    this.#truncated = false;
  }

  /** Applies to every message from now on: the runtime maps bundle positions in logged stacks once it has the map. */
  rewriteWith(rewrite: (text: string) => string): void {
    this.#rewrite = rewrite;
  }

  install(target: ConsoleLike): void {
    for (const method of Object.keys(LEVELS) as (keyof ConsoleLike)[]) {
      const level = LEVELS[method];
      target[method] = (...args: unknown[]) => {
        const text = this.#format(args);
        this.write(level, this.#rewrite(method === 'trace' ? `Trace: ${text}\n${traceOf()}` : text));
      };
    }
  }

  write(level: LogLevel, message: string): void {
    if (this.#truncated) return;
    this.#chars += message.length;
    this.#lines += 1;
    if (this.#chars > this.#maxChars || this.#lines > this.#maxLines) {
      this.#truncated = true;
      const limit = this.#lines > this.#maxLines ? `${this.#maxLines} lines` : `${this.#maxChars} characters`;
      this.#sink(this.#requestId, 'warn', `[hello-serverless] log output of this request passed ${limit}; the rest is dropped`);
      return;
    }
    this.#sink(this.#requestId, level, message);
  }
}

function traceOf(): string {
  return (new Error().stack ?? '').split('\n').slice(3).join('\n');
}
