import type { InvocationRecord } from '../../faas/invocation-record.ts';
import { accessRecord } from '../../gateway/access-record.ts';
import { modelledTotalMs } from '../../model/platform-profiles.ts';
import type { CliIO } from '../io.ts';
import { logLine } from '../log-lines.ts';
import type { ServedFunctions } from './served-functions.ts';

/**
 * serve's access log: a line per request on STDERR (method, path, status, function, instance, cold or warm,
 * duration, billed duration) with the function's own log lines under it; with --json also one JSON object per
 * request on STDOUT.
 */
export class AccessLog {
  readonly #io: CliIO;
  readonly #json: boolean;
  readonly #functions: ServedFunctions;

  constructor(io: CliIO, json: boolean, functions: ServedFunctions) {
    this.#io = io;
    this.#json = json;
    this.#functions = functions;
  }

  request(method: string, path: string, status: number, arrivedAt: number, record: InvocationRecord | null): void {
    const entry = accessRecord(method, path, status, arrivedAt, record);
    if (this.#json) this.#io.stdout(`${JSON.stringify(entry)}\n`);
    const parts = [`${entry.method} ${entry.path} ${entry.status}`];
    if (record === null) parts.push('(no route)');
    else if (record.startKind === 'throttled') parts.push(`${record.functionName} throttled (${record.throttle?.reason ?? 'no instance free'})`);
    else {
      const version = record.instanceId ? this.#functions.versionOf(record.instanceId) : undefined;
      const shown = version !== undefined && version > 1 ? ` v${version}` : '';
      parts.push(`${record.functionName} ${record.instanceId ?? '-'}${shown} ${record.startKind}`, `${entry.durationMs} ms (billed ${entry.billedMs} ms)`);
      const modelled = record.startKind === 'cold' ? record.phases?.modelled : undefined;
      if (modelled) parts.push(`(+ modelled start ${modelledTotalMs(modelled).toFixed(1)} ms)`);
      if (record.status !== 'ok') parts.push(`[${record.status}: ${record.error?.errorType ?? 'error'}]`);
    }
    this.#io.stderr(`${entry.time.slice(11, 23)} ${parts.join('  ')}\n`);
    for (const line of record?.logs ?? []) this.#io.stderr(`    ${logLine(line.time, record!.requestId, line.level, line.message, this.#io.color)}`);
  }

  note(text: string): void {
    this.#io.stderr(`${text}\n`);
  }
}
