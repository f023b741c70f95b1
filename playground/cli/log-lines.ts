import type { LogLevel } from '../faas/protocol.ts';

const LEVEL_NAMES: Record<LogLevel, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
const COLORS: Partial<Record<LogLevel, string>> = { warn: '\x1b[33m', error: '\x1b[31m', debug: '\x1b[2m' };

/** A log line as Lambda's Node.js runtime writes it: time, request id, level, message, separated by tabs. */
export function logLine(time: number, requestId: string | null, level: LogLevel, message: string, color: boolean): string {
  const line = `${new Date(time).toISOString()}\t${requestId ?? 'undefined'}\t${LEVEL_NAMES[level]}\t${message}`;
  const tint = color ? COLORS[level] : undefined;
  return tint ? `${tint}${line}\x1b[0m\n` : `${line}\n`;
}

export interface ReportFields {
  requestId: string;
  durationMs: number;
  memoryMb: number;
  maxMemoryUsedMb?: number;
  initMs?: number;
  status?: string;
}

/** The REPORT line that closes an invocation's logs, in Lambda's layout; billed duration is rounded up to 1 ms. */
export function reportLine(fields: ReportFields): string {
  const parts = [
    `REPORT RequestId: ${fields.requestId}`,
    `Duration: ${fields.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${billedMs(fields.durationMs)} ms`,
    `Memory Size: ${fields.memoryMb} MB`,
  ];
  // Unknown when the instance was killed before it could report; a made-up 0 would mislead.
  if (fields.maxMemoryUsedMb !== undefined) parts.push(`Max Memory Used: ${Math.ceil(fields.maxMemoryUsedMb)} MB`);
  if (fields.initMs !== undefined) parts.push(`Init Duration: ${fields.initMs.toFixed(2)} ms`);
  if (fields.status) parts.push(`Status: ${fields.status}`);
  return `${parts.join('\t')}\n`;
}

export function billedMs(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs));
}
