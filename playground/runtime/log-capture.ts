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
 * instance, as on SCF and Lambda), and stops forwarding once a request has written `maxBytes`, with one note saying
 * so: a runaway log loop must not flood the page or the terminal.
 */
export class LogCapture {
  #requestId: string | null = null;
  #bytes = 0;
  #truncated = false;
  readonly #sink: LogSink;
  readonly #maxBytes: number;
  readonly #format: (args: unknown[]) => string;

  constructor(sink: LogSink, format: (args: unknown[]) => string, maxBytes: number) {
    this.#sink = sink;
    this.#format = format;
    this.#maxBytes = maxBytes;
  }

  /** Starts a new budget for the next request (null: output outside any request). */
  begin(requestId: string | null): void {
    this.#requestId = requestId;
    this.#bytes = 0;
    this.#truncated = false;
  }

  install(target: ConsoleLike): void {
    for (const method of Object.keys(LEVELS) as (keyof ConsoleLike)[]) {
      const level = LEVELS[method];
      target[method] = (...args: unknown[]) => {
        const text = this.#format(args);
        this.write(level, method === 'trace' ? `Trace: ${text}\n${traceOf()}` : text);
      };
    }
  }

  write(level: LogLevel, message: string): void {
    if (this.#truncated) return;
    this.#bytes += message.length;
    if (this.#bytes > this.#maxBytes) {
      this.#truncated = true;
      this.#sink(this.#requestId, 'warn', `[hello-serverless] log output of this request passed ${this.#maxBytes} characters; the rest is dropped`);
      return;
    }
    this.#sink(this.#requestId, level, message);
  }
}

function traceOf(): string {
  return (new Error().stack ?? '').split('\n').slice(3).join('\n');
}
