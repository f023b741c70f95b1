import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { METRIC_FIELDS } from '../../faas/protocol.ts';
import type { MetricSample } from '../../faas/protocol.ts';
import { UsageError } from '../usage-error.ts';

export type MetricsFormat = 'jsonl' | 'csv';

/** A sample with the instance it came from, as the metrics file holds it. */
export interface InstanceSample {
  instance: string;
  sample: MetricSample;
}

export const METRICS_FILE_FIELDS = ['instance', 'tMs', ...METRIC_FIELDS] as const;

/** The format a `--metrics` file name asks for; checked before the run, so a typo costs nothing. */
export function metricsFormat(path: string): MetricsFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl') return 'jsonl';
  if (ext === '.csv') return 'csv';
  throw new UsageError(`--metrics writes JSON Lines (.jsonl) or CSV (.csv); "${path}" has neither extension`);
}

/**
 * Every sample, one per line, with the fields in METRICS_FILE_FIELDS order. A figure the host did not measure is
 * left out of a JSON line and empty in a CSV cell: absent, never zero.
 */
export function formatMetrics(rows: InstanceSample[], format: MetricsFormat): string {
  if (format === 'jsonl') return rows.map((row) => `${JSON.stringify(record(row))}\n`).join('');
  const cells = (row: InstanceSample): string[] => {
    const values = record(row);
    return METRICS_FILE_FIELDS.map((field) => csvCell(values[field]));
  };
  return [METRICS_FILE_FIELDS.join(','), ...rows.map((row) => cells(row).join(','))].map((line) => `${line}\n`).join('');
}

export function writeMetricsFile(path: string, rows: InstanceSample[]): void {
  writeFileSync(path, formatMetrics(rows, metricsFormat(path)));
}

function record({ instance, sample }: InstanceSample): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = { instance, tMs: round(sample.tMs, 3) };
  for (const field of METRIC_FIELDS) {
    const value = sample[field];
    if (value !== undefined) out[field] = field === 'elu' ? round(value, 4) : value;
  }
  return out;
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
