import { h, svg } from '../dom.ts';

export interface ScatterPoint {
  x: number;
  y: number;
  /** Written beside the point (e.g. the swept value). */
  label: string;
  /** Drawn filled and joined to the other marked points (a Pareto front); others are hollow. */
  marked: boolean;
}

export interface ScatterOptions {
  width: number;
  xLabel: string;
  yLabel: string;
  pointLabel: string;
  markedLabel: string;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
}

const HEIGHT = 220;
const PAD = { left: 56, right: 24, top: 18, bottom: 34 };

/** An SVG scatter plot of two measures from zero, with the marked points joined left to right, and a legend. */
export function scatterChart(title: string, points: ScatterPoint[], options: ScatterOptions): HTMLElement {
  const { width } = options;
  const figure = h('figure', { class: 'hs-chart hs-scatter' }, h('figcaption', {}, title));
  if (points.length === 0) return figure;
  // The y axis starts at zero (a probability); the x axis spans the points with a margin, so close points separate.
  const xs = points.map((p) => p.x);
  const span = Math.max(...xs) - Math.min(...xs) || Math.max(...xs) || 1;
  const xLow = Math.max(0, Math.min(...xs) - span * 0.1);
  const xHigh = Math.max(...xs) + span * 0.1;
  const yTop = Math.max(...points.map((p) => p.y)) * 1.15 || 1;
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (v: number) => PAD.left + ((v - xLow) / (xHigh - xLow)) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / yTop) * plotH;
  const chart = svg('svg', { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': title, class: 'hs-chart__svg' });
  for (const fraction of [0, 0.5, 1]) {
    chart.append(
      svg('line', { x1: PAD.left, x2: width - PAD.right, y1: y(yTop * fraction), y2: y(yTop * fraction), class: 'hs-chart__grid' }),
      svg('text', { x: PAD.left - 4, y: y(yTop * fraction) + 4, 'text-anchor': 'end', class: 'hs-chart__axis' }, options.formatY(yTop * fraction)),
      svg('text', { x: PAD.left + plotW * fraction, y: HEIGHT - 18, 'text-anchor': fraction === 0 ? 'start' : fraction === 1 ? 'end' : 'middle', class: 'hs-chart__axis' }, options.formatX(xLow + (xHigh - xLow) * fraction)),
    );
  }
  chart.append(
    svg('text', { x: PAD.left + plotW / 2, y: HEIGHT - 4, 'text-anchor': 'middle', class: 'hs-chart__axis hs-scatter__title' }, options.xLabel),
    svg('text', { x: 12, y: PAD.top + plotH / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${PAD.top + plotH / 2})`, class: 'hs-chart__axis hs-scatter__title' }, options.yLabel),
  );
  const front = points.filter((p) => p.marked).sort((a, b) => a.x - b.x);
  if (front.length > 1) chart.append(svg('path', { d: front.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(''), class: 'hs-chart__line hs-chart--front', 'data-hs': 'pareto-line' }));
  const placed: Box[] = [];
  for (const p of points) {
    const cx = x(p.x);
    const cy = y(p.y);
    const box = labelBox(cx, cy, p.label, placed, { right: width, bottom: PAD.top + plotH });
    placed.push(box);
    chart.append(
      svg('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 4.5, class: `hs-scatter__point${p.marked ? ' hs-scatter__point--front' : ''}`, 'data-point': p.label, 'data-front': String(p.marked) }),
      svg('text', { x: box.x.toFixed(1), y: (box.y + LABEL_H - 2).toFixed(1), class: 'hs-chart__axis' }, p.label),
    );
  }
  figure.append(
    chart,
    h('ul', { class: 'hs-chart__legend' },
      h('li', {}, h('span', { class: 'hs-scatter__key', 'aria-hidden': 'true' }), options.pointLabel),
      h('li', {}, h('span', { class: 'hs-scatter__key hs-scatter__key--front', 'aria-hidden': 'true' }), options.markedLabel),
    ),
  );
  return figure;
}

interface Box {
  x: number;
  y: number;
  w: number;
}

const LABEL_H = 11;

/** Where a point's label goes: the first place near the point that overlaps no label placed before. */
function labelBox(cx: number, cy: number, label: string, placed: Box[], bounds: { right: number; bottom: number }): Box {
  const w = label.length * 6 + 3;
  // Beside the point first, then stacked higher above it, for points that crowd near one another.
  const candidates: Box[] = [0, 1, 2, 3].flatMap((lift) => [
    { x: cx + 6, y: cy - 6 - LABEL_H * (lift + 1), w },
    ...(lift === 0 ? [{ x: cx + 6, y: cy + 6, w }] : []),
    { x: cx - 6 - w, y: cy - 6 - LABEL_H * (lift + 1), w },
    ...(lift === 0 ? [{ x: cx - 6 - w, y: cy + 6, w }] : []),
  ]).filter((box) => box.x >= 0 && box.x + box.w <= bounds.right && box.y >= 0 && box.y + LABEL_H <= bounds.bottom);
  const free = candidates.find((box) => !placed.some((other) => box.x < other.x + other.w && other.x < box.x + box.w && box.y < other.y + LABEL_H && other.y < box.y + LABEL_H));
  return free ?? candidates[0] ?? { x: cx - w / 2, y: cy - 6 - LABEL_H, w };
}
