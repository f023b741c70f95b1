import uPlot from 'uplot';
import { h } from '../dom.ts';
import type { AlignedSeries } from './monitor-series.ts';

/** A vertical line on the chart: an instance starting or being killed. `t` in the chart's seconds. */
export interface ChartMark {
  t: number;
  kind: 'start' | 'restart' | 'out-of-memory' | 'crashed' | 'timed-out';
  /** What happened ("OOM"), and to which instance: drawn as "OOM 3", or "OOM ×9" where marks pile up. */
  word: string;
  instance: number;
}

export interface ChartLimit {
  value: number;
  label: string;
}

export interface MonitorChartOptions {
  title: string;
  /** Name of each line, by instance id. */
  lineLabel(instanceId: string): string;
  /** Instance number (as the Timeline counts), which picks the line's colour and dash. */
  lineNumber(instanceId: string): number;
  formatValue(value: number): string;
  /** A figure with its age ("12 MB (measured 18 s before it arrived)"). */
  withAge(value: string, ageMs: number): string;
  formatTime(seconds: number): string;
  /** The legend's name for the time axis, whose value the cursor shows. */
  timeLabel: string;
  noValue: string;
  /** A horizontal line, e.g. the memory setting, in the chart's unit. */
  limit(): ChartLimit | undefined;
  marks(): ChartMark[];
}

const HEIGHT = 220;
const COLOURS = ['#2563eb', '#dc2626', '#059669', '#9333ea', '#d97706', '#0891b2', '#db2777', '#4d7c0f'];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
const MARK_COLOURS: Record<ChartMark['kind'], string> = {
  start: '#6b7280',
  restart: '#059669',
  'out-of-memory': '#dc2626',
  crashed: '#dc2626',
  'timed-out': '#d97706',
};

/**
 * One uPlot time-series chart (canvas: thousands of points redraw in a few milliseconds) with the Monitor's
 * additions: marks for starts and kills, a limit line, each value's age in the legend, and keyboard reading:
 * focus the chart, then ← → Home End move the cursor sample by sample and `readout` says what is there.
 */
export class MonitorChart {
  readonly element: HTMLElement;
  private readonly plotHost: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly options: MonitorChartOptions;
  private plot: uPlot | undefined;
  private data: AlignedSeries = { x: [], lines: [] };
  private shape = '';
  private width = 600;

  constructor(options: MonitorChartOptions, help: string) {
    this.options = options;
    this.plotHost = h('div', { class: 'hs-monitor__plot', tabindex: 0, role: 'group', 'aria-label': `${options.title}. ${help}` });
    this.readout = h('p', { class: 'hs-monitor__readout', 'aria-live': 'polite', 'data-hs': 'monitor-readout' });
    this.element = h('figure', { class: 'hs-monitor__chart' }, h('figcaption', {}, options.title), this.plotHost, this.readout);
    this.plotHost.addEventListener('keydown', (event) => this.key(event));
    this.plotHost.addEventListener('focus', () => {
      if (this.plot && this.plot.cursor.idx == null && this.data.x.length > 0) this.moveTo(this.data.x.length - 1);
    });
  }

  update(data: AlignedSeries, width: number): void {
    this.data = data;
    this.width = Math.max(260, width);
    const shape = data.lines.map((line) => line.instanceId).join(',');
    if (!this.plot || shape !== this.shape) {
      this.plot?.destroy();
      this.shape = shape;
      this.plot = new uPlot(this.config(), this.aligned(), this.plotHost);
      return;
    }
    if (this.plot.width !== this.width) this.plot.setSize({ width: this.width, height: HEIGHT });
    this.plot.setData(this.aligned());
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = undefined;
  }

  private aligned(): uPlot.AlignedData {
    return [this.data.x, ...this.data.lines.map((line) => line.values)] as uPlot.AlignedData;
  }

  private config(): uPlot.Options {
    const o = this.options;
    const ink = getComputedStyle(this.plotHost).color || '#444';
    const grid = { stroke: 'rgba(128,128,128,0.2)', width: 1 };
    const axis = { stroke: ink, grid, ticks: grid };
    return {
      width: this.width,
      height: HEIGHT,
      scales: {
        // From the first instance's start to the latest sample or mark: a kill after the last figure still shows.
        x: { time: false, range: (_u, _min, max) => [0, Math.max(max ?? 0, ...o.marks().map((m) => m.t), 1) * 1.02] },
        y: { range: (_u, _min, max) => [0, Math.max(max, o.limit()?.value ?? 0, 1) * 1.08] },
      },
      axes: [
        { ...axis, values: (_u, splits) => splits.map((s) => o.formatTime(s)) },
        { ...axis, size: 64, values: (_u, splits) => splits.map((s) => o.formatValue(s)) },
      ],
      series: [
        { label: o.timeLabel, value: (_u, v) => (v == null ? '' : o.formatTime(v)) },
        ...this.data.lines.map((line, index) => {
          const n = o.lineNumber(line.instanceId) - 1;
          return {
            label: o.lineLabel(line.instanceId),
            stroke: COLOURS[n % COLOURS.length] as string,
            dash: DASHES[Math.floor(n / COLOURS.length) % DASHES.length] as number[],
            width: 2,
            spanGaps: true,
            points: { show: true, size: 6 },
            value: (_u: uPlot, v: number | null, _s: number, idx: number | null) => this.valueText(index, v, idx),
          };
        }),
      ],
      cursor: { drag: { x: false, y: false } },
      hooks: { draw: [(u) => this.drawExtras(u)] },
    };
  }

  private valueText(line: number, value: number | null, idx: number | null): string {
    if (value == null) return this.options.noValue;
    const age = idx == null ? null : this.data.lines[line]?.ages[idx];
    return age == null ? this.options.formatValue(value) : this.options.withAge(this.options.formatValue(value), age);
  }

  private drawExtras(u: uPlot): void {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const ratio = devicePixelRatio || 1;
    ctx.save();
    ctx.font = `${11 * ratio}px system-ui, sans-serif`;
    const limit = this.options.limit();
    if (limit) {
      const y = u.valToPos(limit.value, 'y', true);
      ctx.strokeStyle = '#dc2626';
      ctx.setLineDash([6 * ratio, 4 * ratio]);
      ctx.lineWidth = ratio;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.fillStyle = '#dc2626';
      // At the left, where the first instance has barely begun to climb and no restart mark sits.
      ctx.textAlign = 'left';
      ctx.fillText(limit.label, left + 4 * ratio, y - 4 * ratio);
    }
    for (const { x, mark, count } of pileUp(this.options.marks(), (t) => u.valToPos(t, 'x', true), 6 * ratio)) {
      if (x < left - 1 || x > left + width + 1) continue;
      const colour = MARK_COLOURS[mark.kind];
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = (mark.kind === 'start' ? 1 : 2) * ratio;
      ctx.setLineDash(mark.kind === 'start' || mark.kind === 'restart' ? [3 * ratio, 3 * ratio] : []);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      // Kills are labelled at the top, starts lower down, so a kill and the restart beside it stay readable.
      const y = top + (mark.kind === 'start' || mark.kind === 'restart' ? 26 : 12) * ratio;
      const text = count > 1 ? `${mark.word} ×${count}` : `${mark.word} ${mark.instance}`;
      // Near the right edge the label goes on the line's left, so it is not cut off.
      const flip = x + ctx.measureText(text).width + 3 * ratio > left + width;
      ctx.textAlign = flip ? 'right' : 'left';
      ctx.fillText(text, flip ? x - 3 * ratio : x + 3 * ratio, y);
    }
    ctx.restore();
  }

  private key(event: KeyboardEvent): void {
    const count = this.data.x.length;
    if (!this.plot || count === 0) return;
    const current = this.plot.cursor.idx ?? count - 1;
    const next = event.key === 'ArrowRight' ? current + 1 : event.key === 'ArrowLeft' ? current - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.moveTo(Math.min(count - 1, Math.max(0, next)));
  }

  private moveTo(idx: number): void {
    const plot = this.plot;
    const x = this.data.x[idx];
    if (!plot || x === undefined) return;
    plot.setCursor({ left: plot.valToPos(x, 'x'), top: plot.bbox.height / devicePixelRatio / 2 });
    const parts = this.data.lines.map((line, index) => `${this.options.lineLabel(line.instanceId)}: ${this.valueText(index, line.values[idx] ?? null, idx)}`);
    this.readout.textContent = `${this.options.formatTime(x)} — ${parts.join('; ')}`;
  }
}

/** Marks of one kind closer than `gap` pixels are drawn as one line with a count. */
function pileUp(marks: ChartMark[], toX: (t: number) => number, gap: number): Array<{ x: number; mark: ChartMark; count: number }> {
  const piles: Array<{ x: number; mark: ChartMark; count: number }> = [];
  for (const mark of [...marks].sort((a, b) => a.t - b.t)) {
    const x = toX(mark.t);
    const pile = piles.findLast((p) => p.mark.kind === mark.kind);
    if (pile && x - pile.x < gap) pile.count += 1;
    else piles.push({ x, mark, count: 1 });
  }
  return piles;
}
