const BARS = '▁▂▃▄▅▆▇█';

export interface Point {
  t: number;
  value: number;
}

/**
 * One row of a chart on a time axis shared with other rows: each column is the highest value of the points in its
 * slice of [from, to], drawn against `max`; a column with no point is blank, so rows of instances that lived one
 * after another line up as the saw-tooth they make together.
 */
export function sparkline(points: Point[], from: number, to: number, max: number, width: number): string {
  const columns: (number | undefined)[] = Array.from({ length: width }, () => undefined);
  const span = Math.max(to - from, 1e-9);
  for (const { t, value } of points) {
    const at = Math.min(width - 1, Math.max(0, Math.floor(((t - from) / span) * width)));
    columns[at] = Math.max(columns[at] ?? value, value);
  }
  return columns
    .map((value) => {
      if (value === undefined) return ' ';
      const level = max > 0 ? Math.round((value / max) * (BARS.length - 1)) : 0;
      return BARS[Math.min(BARS.length - 1, Math.max(0, level))];
    })
    .join('');
}
