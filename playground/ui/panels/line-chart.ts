import { h, svg } from '../dom.ts';
import { formatOffset } from '../timeline/timeline-layout.ts';

export interface Series {
  label: string;
  /** CSS class giving the line its colour and dash, so series differ by more than colour. */
  className: string;
  points: Array<{ t: number; value: number }>;
  /** Draw as steps (a count that jumps) instead of a sloped line. */
  step?: boolean;
}

const HEIGHT = 140;
const PAD = { left: 44, right: 8, top: 8, bottom: 20 };

/**
 * A small SVG line chart with a value axis, a time axis in seconds from the start of `domain` (by default, from the
 * first point to the last), and a legend. Charts of one run share a domain so that their time axes agree.
 */
export function lineChart(title: string, series: Series[], width: number, formatValue: (value: number) => string, domain?: { t0: number; t1: number }): HTMLElement {
  const all = series.flatMap((s) => s.points);
  const figure = h('figure', { class: 'hs-chart' }, h('figcaption', {}, title));
  if (all.length === 0) return figure;
  const t0 = domain?.t0 ?? Math.min(...all.map((p) => p.t));
  const t1 = Math.max(domain?.t1 ?? Math.max(...all.map((p) => p.t)), t0 + 1);
  const top = all.reduce((highest, p) => Math.max(highest, p.value), 1);
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const chart = svg('svg', { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': title, class: 'hs-chart__svg' });
  for (const fraction of [0, 0.5, 1]) {
    const value = top * fraction;
    chart.append(
      svg('line', { x1: PAD.left, x2: width - PAD.right, y1: y(value), y2: y(value), class: 'hs-chart__grid' }),
      svg('text', { x: PAD.left - 4, y: y(value) + 4, 'text-anchor': 'end', class: 'hs-chart__axis' }, formatValue(value)),
    );
  }
  chart.append(
    svg('text', { x: PAD.left, y: HEIGHT - 4, class: 'hs-chart__axis' }, '0'),
    svg('text', { x: width - PAD.right, y: HEIGHT - 4, 'text-anchor': 'end', class: 'hs-chart__axis' }, formatOffset(t1 - t0)),
  );
  for (const s of series) {
    if (s.points.length === 0) continue;
    chart.append(svg('path', { d: pathOf(s, x, y), class: `hs-chart__line ${s.className}` }));
  }
  figure.append(chart, h('ul', { class: 'hs-chart__legend' }, ...series.map((s) => h('li', {}, h('span', { class: `hs-chart__key ${s.className}`, 'aria-hidden': 'true' }), s.label))));
  return figure;
}

function pathOf(series: Series, x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let previous: { t: number; value: number } | undefined;
  for (const point of series.points) {
    if (previous === undefined) d += `M${x(point.t).toFixed(1)},${y(point.value).toFixed(1)}`;
    else if (series.step) d += `H${x(point.t).toFixed(1)}V${y(point.value).toFixed(1)}`;
    else d += `L${x(point.t).toFixed(1)},${y(point.value).toFixed(1)}`;
    previous = point;
  }
  return d;
}
