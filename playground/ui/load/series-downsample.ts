import type { Point } from './load-stats.ts';

/**
 * Thins a time-ordered series to what a chart `buckets` columns wide can show: in each column, the first, lowest,
 * highest and last point, in time order. Peaks and steps survive (a maximum of instances is never averaged away),
 * and a 10,000-point series becomes a few hundred, so redrawing it costs the page nothing it would notice.
 */
export function downsample(points: readonly Point[], t0: number, t1: number, buckets: number): Point[] {
  if (points.length <= buckets * 4 || t1 <= t0) return [...points];
  const out: Point[] = [];
  let column: Point[] = [];
  let columnIndex = -1;
  for (const point of points) {
    const index = Math.min(buckets - 1, Math.max(0, Math.floor(((point.t - t0) / (t1 - t0)) * buckets)));
    if (index !== columnIndex) {
      out.push(...extremes(column));
      column = [];
      columnIndex = index;
    }
    column.push(point);
  }
  out.push(...extremes(column));
  return out;
}

function extremes(column: readonly Point[]): Point[] {
  const first = column[0];
  const last = column[column.length - 1];
  if (first === undefined || last === undefined) return [];
  let low = first;
  let high = first;
  for (const point of column) {
    if (point.value < low.value) low = point;
    if (point.value > high.value) high = point;
  }
  // In the column's own order: two points at one instant (a step) must keep their sequence.
  return [...new Set([first, low, high, last])].sort((a, b) => column.indexOf(a) - column.indexOf(b));
}
