import type { LogLevel } from '../faas/protocol.ts';

const LEVEL_NAMES: Record<LogLevel, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
const COLORS: Partial<Record<LogLevel, string>> = { warn: '\x1b[33m', error: '\x1b[31m', debug: '\x1b[2m' };

/** A log line as Lambda's Node.js runtime writes it: time, request id, level, message, separated by tabs. */
export function logLine(time: number, requestId: string | null, level: LogLevel, message: string, color: boolean): string {
  const line = `${new Date(time).toISOString()}\t${requestId ?? 'undefined'}\t${LEVEL_NAMES[level]}\t${message}`;
  const tint = color ? COLORS[level] : undefined;
  return tint ? `${tint}${line}\x1b[0m\n` : `${line}\n`;
}
