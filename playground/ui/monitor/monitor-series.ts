import type { MetricSample } from '../../faas/protocol.ts';
import type { InstanceTrack } from './monitor-store.ts';

export const MEMORY_FIELDS = ['heapUsed', 'heapTotal', 'heapLimit', 'external', 'arrayBuffers'] as const;
export type MemoryField = (typeof MEMORY_FIELDS)[number];

/** One line per instance over a shared time axis, the shape uPlot draws: `null` where an instance has no point. */
export interface AlignedSeries {
  /** Seconds since the monitor's time zero. */
  x: number[];
  lines: Array<{ instanceId: string; values: Array<number | null>; ages: Array<number | null> }>;
}

interface Point {
  t: number;
  value: number;
  age: number | null;
}

/** The memory figure `field` of every instance that has it. Instances without a single figure get no line. */
export function memorySeries(tracks: Iterable<InstanceTrack>, field: MemoryField, t0: number, maxPoints: number): AlignedSeries {
  const perInstance: Array<{ instanceId: string; points: Point[] }> = [];
  for (const track of tracks) {
    const points = track.samples.flatMap((s) => (s[field] === undefined ? [] : [{ t: s.tMs, value: s[field] as number, age: s.ageMs ?? null }]));
    if (points.length > 0) perInstance.push({ instanceId: track.instanceId, points });
  }
  return align(perInstance, t0, maxPoints);
}

/**
 * CPU use of every instance that reports CPU time, as a percentage of one core between consecutive samples:
 * (user + system microseconds used) / (microseconds elapsed) × 100.
 */
export function cpuSeries(tracks: Iterable<InstanceTrack>, t0: number, maxPoints: number): AlignedSeries {
  const perInstance: Array<{ instanceId: string; points: Point[] }> = [];
  for (const track of tracks) {
    const points: Point[] = [];
    let previous: MetricSample | undefined;
    for (const sample of track.samples) {
      const used = cpuUs(sample);
      if (used === undefined) continue;
      const before = previous === undefined ? undefined : cpuUs(previous);
      if (previous !== undefined && before !== undefined && sample.tMs > previous.tMs) {
        points.push({ t: sample.tMs, value: Math.max(0, (used - before) / ((sample.tMs - previous.tMs) * 1000)) * 100, age: null });
      }
      previous = sample;
    }
    if (points.length > 0) perInstance.push({ instanceId: track.instanceId, points });
  }
  return align(perInstance, t0, maxPoints);
}

/** Which metric fields at least one sample carries: what the host really measured. */
export function measuredFields(tracks: Iterable<InstanceTrack>): Set<keyof MetricSample> {
  const found = new Set<keyof MetricSample>();
  for (const track of tracks) {
    for (const sample of track.samples) for (const key of Object.keys(sample) as Array<keyof MetricSample>) found.add(key);
  }
  return found;
}

function cpuUs(sample: MetricSample): number | undefined {
  if (sample.cpuUserUs === undefined && sample.cpuSystemUs === undefined) return undefined;
  return (sample.cpuUserUs ?? 0) + (sample.cpuSystemUs ?? 0);
}

/**
 * Puts every instance's points on one time axis. Up to `maxPoints` distinct times are kept as they are; beyond
 * that, time is cut into `maxPoints` equal buckets and each instance keeps its highest value per bucket, so a
 * long run stays cheap to draw and still shows every peak.
 */
function align(perInstance: Array<{ instanceId: string; points: Point[] }>, t0: number, maxPoints: number): AlignedSeries {
  const times = [...new Set(perInstance.flatMap((line) => line.points.map((p) => p.t)))].sort((a, b) => a - b);
  if (times.length <= maxPoints) {
    const index = new Map(times.map((t, i) => [t, i]));
    return {
      x: times.map((t) => (t - t0) / 1000),
      lines: perInstance.map(({ instanceId, points }) => {
        const values: Array<number | null> = new Array(times.length).fill(null);
        const ages: Array<number | null> = new Array(times.length).fill(null);
        for (const p of points) {
          const i = index.get(p.t) as number;
          values[i] = p.value;
          ages[i] = p.age;
        }
        return { instanceId, values, ages };
      }),
    };
  }
  const first = times[0] as number;
  const span = Math.max(1, (times[times.length - 1] as number) - first);
  const bucketOf = (t: number) => Math.min(maxPoints - 1, Math.floor(((t - first) / span) * maxPoints));
  const used = new Set<number>();
  for (const t of times) used.add(bucketOf(t));
  const buckets = [...used].sort((a, b) => a - b);
  const position = new Map(buckets.map((b, i) => [b, i]));
  return {
    x: buckets.map((b) => (first + ((b + 1) / maxPoints) * span - t0) / 1000),
    lines: perInstance.map(({ instanceId, points }) => {
      const values: Array<number | null> = new Array(buckets.length).fill(null);
      const ages: Array<number | null> = new Array(buckets.length).fill(null);
      for (const p of points) {
        const i = position.get(bucketOf(p.t)) as number;
        if (values[i] === null || p.value > (values[i] as number)) {
          values[i] = p.value;
          ages[i] = p.age;
        }
      }
      return { instanceId, values, ages };
    }),
  };
}
