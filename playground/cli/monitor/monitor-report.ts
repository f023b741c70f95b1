import type { MetricSample } from '../../faas/protocol.ts';
import { DEFAULT_SAMPLE_MS } from '../../hosts/node/node-instance-host.ts';
import type { InstanceSeries } from './instance-monitor.ts';
import { sparkline } from './sparkline.ts';

const MB = 1024 * 1024;
const SPARK_WIDTH = 60;

export const SAMPLING_NOTE = `Node host: per worker thread, every ${DEFAULT_SAMPLE_MS} ms while an instance runs code and at the end of each invocation`;

/** `load --monitor`: per instance, its peak heap, CPU and end, then its heap over time on a shared time axis. */
export function formatLoadMonitor(series: InstanceSeries[]): string {
  const sampled = series.filter((s) => s.samples.length > 0);
  const lines = [`Monitor (${SAMPLING_NOTE})`];
  if (sampled.length === 0) return `${lines[0]}\nno samples: no instance ran code long enough to be sampled\n`;
  const rows = series.map((s) => [s.instanceId, String(s.samples.length), mb(peak(s.samples, 'heapUsed')), mb(last(s.samples, 'heapLimit')), cpu(s.samples), s.end ?? 'alive']);
  lines.push(...table(['instance', 'samples', 'peak heap used', 'heap limit', 'CPU user+sys', 'end'], rows, [false, true, true, true, true, false]));
  const all = sampled.flatMap((s) => s.samples);
  const from = Math.min(...all.map((s) => s.tMs));
  const to = Math.max(...all.map((s) => s.tMs));
  const max = Math.max(...all.map((s) => s.heapUsed ?? 0));
  const nameWidth = Math.max(...sampled.map((s) => s.instanceId.length));
  lines.push('', `heap used over time: ${mb(0)} to ${mb(max)}, ${((to - from) / 1000).toFixed(1)} s across (blank: no sample, the instance idle or not alive)`);
  for (const s of sampled) {
    const points = s.samples.flatMap((sample) => (sample.heapUsed === undefined ? [] : [{ t: sample.tMs, value: sample.heapUsed }]));
    lines.push(`${s.instanceId.padEnd(nameWidth)} |${sparkline(points, from, to, max, SPARK_WIDTH)}|${s.outOfMemory ? ' OOM' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `invoke --monitor`: every sample of the one invocation, times from the request's start. */
export function formatInvocationMonitor(instanceId: string, samples: MetricSample[], startedMs: number): string {
  const head = `Monitor: ${samples.length} sample${samples.length === 1 ? '' : 's'} of ${instanceId} (${SAMPLING_NOTE})`;
  const rows = samples.map((s) => [
    `+${(s.tMs - startedMs).toFixed(1)}`,
    s.requestId === undefined ? 'interval' : 'end',
    mb(s.heapUsed),
    mb(s.heapTotal),
    mb(s.heapLimit),
    mb(s.external),
    us(s.cpuUserUs),
    us(s.cpuSystemUs),
    s.elu === undefined ? '-' : s.elu.toFixed(2),
  ]);
  return `${[head, ...table(['t ms', 'sample', 'heap used', 'heap total', 'heap limit', 'external', 'CPU user', 'CPU system', 'ELU'], rows, [true, false, true, true, true, true, true, true, true])].join('\n')}\n`;
}

type NumericField = Exclude<keyof MetricSample, 'requestId'>;

function peak(samples: MetricSample[], field: NumericField): number | undefined {
  const values = samples.flatMap((s) => (s[field] === undefined ? [] : [s[field]]));
  return values.length === 0 ? undefined : Math.max(...values);
}

function last(samples: MetricSample[], field: NumericField): number | undefined {
  return samples.findLast((s) => s[field] !== undefined)?.[field];
}

function cpu(samples: MetricSample[]): string {
  const at = samples.findLast((s) => s.cpuUserUs !== undefined && s.cpuSystemUs !== undefined);
  return at?.cpuUserUs === undefined || at.cpuSystemUs === undefined ? 'not measured' : `${((at.cpuUserUs + at.cpuSystemUs) / 1e6).toFixed(2)} s`;
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? '-' : `${(bytes / MB).toFixed(1)} MB`;
}

function us(micros: number | undefined): string {
  return micros === undefined ? '-' : `${(micros / 1000).toFixed(1)} ms`;
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
