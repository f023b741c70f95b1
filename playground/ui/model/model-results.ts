import type { SummaryKey } from '../../model/experiments.ts';
import type { RunSummary, SweepSummaryPoint } from '../../model/worker-entry.ts';
import { h } from '../dom.ts';
import { fill, ms } from '../format.ts';
import { lineChart } from '../panels/line-chart.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { scatterChart } from './scatter-chart.ts';

/** Number formatting for one language: counts with grouping, probabilities as percentages, durations with units. */
export class ModelFormat {
  private readonly locale: string;

  constructor(locale: string) {
    this.locale = locale === 'zh-cn' ? 'zh-CN' : 'en';
  }

  count(value: number): string {
    return Math.round(value).toLocaleString(this.locale);
  }

  decimal(value: number, digits = 2): string {
    return value.toLocaleString(this.locale, { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, value !== 0 && Math.abs(value) < 10 ? digits : 0) });
  }

  /** Two significant digits (a standard error needs no more). */
  significant(value: number): string {
    return Number(value.toPrecision(2)).toLocaleString(this.locale, { maximumFractionDigits: 20 });
  }

  percent(p: number): string {
    if (p === 0) return '0%';
    const pct = p * 100;
    return `${pct >= 1 ? this.decimal(pct, 1) : pct.toPrecision(2)}%`;
  }

  /** A measure that may be small or large: whole numbers from 100 up, two decimals below. */
  amount(value: number): string {
    return value >= 100 ? this.count(value) : this.decimal(value, 2);
  }

  seconds(s: number): string {
    if (s < 120) return `${this.decimal(s, 1)} s`;
    if (s < 7200) return `${this.decimal(s / 60, 1)} min`;
    return `${this.decimal(s / 3600, 1)} h`;
  }

  speed(requestsPerSecond: number): string {
    return requestsPerSecond >= 1e6 ? `${this.decimal(requestsPerSecond / 1e6, 2)} M` : this.count(requestsPerSecond);
  }
}

type Stat = [term: string, value: string, key: string];

/** The run's numbers as a definition list (each value under data-stat for tests), means ± standard error over seeds. */
export function runSummary(run: RunSummary, t: PlaygroundStrings, format: ModelFormat): HTMLElement[] {
  const several = run.seeds.length > 1;
  // Mean ± standard error, the error to two significant digits and the unit written once at the end.
  const value = (key: SummaryKey, show: (v: number) => string, unit = '', showError = (v: number) => format.significant(v)) =>
    several && run.standardError[key] > 0 ? `${show(run.mean[key])} ± ${showError(run.standardError[key])}${unit}` : `${show(run.mean[key])}${unit}`;
  const percentError = (v: number) => `${format.significant(v * 100)}%`;
  const stats: Stat[] = [
    [t.modelRequests, value('requests', (v) => format.count(v)), 'requests'],
    [t.coldStarts, value('coldStarts', (v) => format.count(v)), 'cold-starts'],
    [t.modelPCold, value('pCold', (v) => format.percent(v), '', percentError), 'p-cold'],
    [t.modelRejected, value('rejected', (v) => format.count(v)), 'rejected'],
    [t.modelPReject, value('pReject', (v) => format.percent(v), '', percentError), 'p-reject'],
    [t.modelAvgInstances, value('avgInstances', (v) => format.decimal(v)), 'avg-instances'],
    [t.modelAvgRunning, value('avgRunning', (v) => format.decimal(v)), 'avg-running'],
    [t.modelAvgIdle, value('avgIdle', (v) => format.decimal(v)), 'avg-idle'],
    [t.modelBilledGbSeconds, value('billedGbSeconds', (v) => format.amount(v), ' GB-s'), 'billed-gb-seconds'],
    [t.modelIdleGbSeconds, value('idleGbSeconds', (v) => format.amount(v), ' GB-s'), 'idle-gb-seconds'],
    [t.modelPeakConcurrency, value('peakConcurrency', (v) => format.count(v)), 'peak-concurrency'],
    [t.modelLatency, `${[run.latencyMs.p50, run.latencyMs.p95, run.latencyMs.p99].map((v) => ms(v).replace(' ms', '')).join(' / ')} ms`, 'latency'],
    [t.modelLifespan, run.lifespan.count > 0 ? format.seconds(run.lifespan.meanS) : '—', 'lifespan'],
    [t.modelSpeed, fill(t.modelSpeedValue, { speed: format.speed(run.requestsPerSecond) }), 'speed'],
  ];
  const list = h('dl', { class: 'hs-load__summary', 'data-hs': 'model-summary' }, ...stats.map(([term, text, key]) => h('div', {}, h('dt', {}, term), h('dd', { 'data-stat': key }, text))));
  return [list, ...(several ? [h('p', { class: 'hs-model__note' }, fill(t.modelSeedsNote, { count: run.seeds.length }))] : [])];
}

/** Running and idle instances over the simulated time (the first seed's run). */
export function instancesChart(run: RunSummary, t: PlaygroundStrings, width: number): HTMLElement {
  const points = (pick: (p: RunSummary['series'][number]) => number) => run.series.map((p) => ({ t: p.t * 1000, value: pick(p) }));
  return lineChart(t.modelInstancesChart, [
    { label: t.modelRunning, className: 'hs-chart--running', points: points((p) => p.running) },
    { label: t.modelIdle, className: 'hs-chart--idle', points: points((p) => p.idle) },
  ], width, (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0)));
}

/** Cold-start probability against idle memory, one point per keep-alive value, the Pareto front joined. */
export function sweepChart(points: SweepSummaryPoint[], t: PlaygroundStrings, format: ModelFormat, width: number): HTMLElement {
  return scatterChart(
    fill(t.modelSweepChart, { values: points.map((p) => p.value).join(', ') }),
    points.map((p) => ({ x: p.mean.idleGbSeconds, y: p.mean.pCold, label: `${p.value} s`, marked: p.onFront })),
    {
      width,
      xLabel: t.modelSweepAxisX,
      yLabel: t.modelSweepAxisY,
      pointLabel: t.modelSweepPoint,
      markedLabel: t.modelParetoFront,
      formatX: (v) => format.amount(v),
      formatY: (v) => format.percent(v),
    },
  );
}

/** The sweep's numbers as a table, one row per value: what the chart shows, readable without it. */
export function sweepTable(points: SweepSummaryPoint[], t: PlaygroundStrings, format: ModelFormat): HTMLElement {
  return h('table', { class: 'hs-model__table', 'data-hs': 'model-sweep-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t.keepAlive), h('th', {}, t.modelPCold), h('th', {}, t.modelSweepAxisX), h('th', {}, t.modelAvgInstances))),
    h('tbody', {}, ...points.map((p) => h('tr', { 'data-front': String(p.onFront) },
      h('td', {}, `${p.value}${p.onFront ? ' ●' : ''}`),
      h('td', {}, format.percent(p.mean.pCold)),
      h('td', {}, format.amount(p.mean.idleGbSeconds)),
      h('td', {}, format.decimal(p.mean.avgInstances)),
    ))),
  );
}
