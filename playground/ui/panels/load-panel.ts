import { h } from '../dom.ts';
import { fill } from '../format.ts';
import type { InvocationView } from '../engine/invocation-view.ts';
import { LoadRun, type LoadRunView } from '../load/load-run.ts';
import { runLoad, type LoadPlan } from '../load/load-runner.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { lineChart } from './line-chart.ts';
import { formatGbSeconds } from './result-panel.ts';

export interface LoadTarget {
  /** Compiles and deploys if needed; false when the code does not compile (nothing is sent). */
  prepare(): Promise<boolean>;
  invoke(): Promise<InvocationView>;
}

/**
 * Fires N requests at a concurrency or a rate and charts what the platform did: latency percentiles, instances
 * busy over time, cold starts and throttles, and the bill.
 */
export class LoadPanel {
  private readonly t: PlaygroundStrings;
  private readonly target: LoadTarget;
  private run: LoadRun | undefined;
  private readonly summary: HTMLElement;
  private readonly charts: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private controller: AbortController | undefined;
  private pending = false;
  /** Kept from the resize observer: reading clientWidth while drawing would force a second style pass per frame. */
  private chartsWidth = 0;

  /** `afterRun`: an action offered beside Start and Stop (Model this function). */
  constructor(panel: HTMLElement, t: PlaygroundStrings, target: LoadTarget, afterRun?: HTMLElement) {
    this.t = t;
    this.target = target;
    const requests = numberField(t.loadRequests, 'load-requests', 50, 1, 5000);
    const concurrency = numberField(t.loadConcurrency, 'load-concurrency', 10, 1, 200);
    const rate = numberField(t.loadRate, 'load-rate', 0, 0, 2000);
    this.startButton = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--primary', 'data-hs': 'load-start' }, t.loadStart);
    this.stopButton = h('button', { type: 'button', class: 'hs-pg__button', 'data-hs': 'load-stop', disabled: true }, t.loadStop);
    this.progress = h('progress', { max: 1, value: 0, 'data-hs': 'load-progress' });
    this.progressText = h('span', { class: 'hs-load__progress-text', role: 'status' });
    this.summary = h('dl', { class: 'hs-load__summary', 'data-hs': 'load-summary' });
    this.charts = h('div', { class: 'hs-load__charts' });
    panel.replaceChildren(
      h('p', { class: 'hs-pg__empty' }, t.loadIntro),
      h('form', { class: 'hs-load__form' }, requests.label, concurrency.label, rate.label, h('small', {}, t.loadRateHint), h('div', { class: 'hs-load__actions' }, this.startButton, this.stopButton, ...(afterRun ? [afterRun] : []))),
      h('div', { class: 'hs-load__progress' }, this.progress, this.progressText),
      this.summary,
      this.charts,
    );
    this.startButton.addEventListener('click', () => {
      void this.runPlan({ requests: requests.value(), concurrency: concurrency.value(), ratePerSecond: rate.value() });
    });
    this.stopButton.addEventListener('click', () => this.controller?.abort());
    new ResizeObserver(([entry]) => {
      this.chartsWidth = entry?.contentRect.width ?? 0;
      this.schedule();
    }).observe(this.charts);
  }

  private async runPlan(plan: LoadPlan): Promise<void> {
    if (this.controller) return;
    if (!(await this.target.prepare())) return;
    this.controller = new AbortController();
    const run = new LoadRun(plan.requests);
    this.run = run;
    this.startButton.disabled = true;
    this.stopButton.disabled = false;
    this.schedule();
    try {
      await runLoad(plan, {
        invoke: () => this.target.invoke(),
        onResult: (view) => {
          run.add({ bar: view.bar, billedGbSeconds: view.billedGbSeconds });
          this.schedule();
        },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      }, this.controller.signal);
    } finally {
      this.controller = undefined;
      this.startButton.disabled = false;
      this.stopButton.disabled = true;
      this.schedule();
    }
  }

  /** At most four redraws a second: the charts must not take the main thread from the requests they measure. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    }), 250);
  }

  /** Progress, summary and charts from one view of the run, in one frame, so none of them lags another. */
  private draw(): void {
    const width = Math.max(260, Math.min(this.chartsWidth || 480, 720));
    const view = this.run?.view(Math.round(width / 2));
    this.progress.max = this.run?.total ?? 1;
    this.progress.value = view?.done ?? 0;
    this.progressText.textContent = this.run ? fill(this.t.loadProgress, { done: view?.done ?? 0, total: this.run.total }) : '';
    if (view === undefined) {
      this.summary.replaceChildren();
      this.charts.replaceChildren();
      return;
    }
    this.drawSummary(view);
    this.drawCharts(view, width);
  }

  private drawSummary({ summary: stats }: LoadRunView): void {
    const t = this.t;
    const entries: Array<[string, string, string]> = [
      [t.loadRequests, String(stats.requests), 'requests'],
      [t.requestsOk, String(stats.ok), 'ok'],
      [t.requestsFailed, String(stats.failed), 'failed'],
      [t.throttles, String(stats.throttled), 'throttled'],
      [t.coldStarts, String(stats.coldStarts), 'cold'],
      [t.coldRate, `${(stats.coldRate * 100).toFixed(1)}%`, 'cold-rate'],
      ...(stats.initDurationMs ? [[`${t.initDuration} p50 / max`, `${stats.initDurationMs.p50.toFixed(2)} / ${stats.initDurationMs.max.toFixed(2)} ms`, 'init-duration'] as [string, string, string]] : []),
      ['p50 / p95 / p99', `${stats.p50.toFixed(1)} / ${stats.p95.toFixed(1)} / ${stats.p99.toFixed(1)} ms`, 'latency'],
      [t.peakInstances, String(stats.peakInstances), 'peak'],
      [t.billedGbSeconds, formatGbSeconds(stats.billedGbSeconds), 'gb-seconds'],
    ];
    this.summary.replaceChildren(...entries.map(([term, value, key]) => h('div', {}, h('dt', {}, term), h('dd', { 'data-stat': key }, value))));
  }

  private drawCharts(view: LoadRunView, width: number): void {
    const t = this.t;
    const count = (v: number) => v.toFixed(0);
    this.charts.replaceChildren(
      lineChart(t.latency, [
        { label: 'p50', className: 'hs-chart--p50', points: view.latency.p50 },
        { label: 'p95', className: 'hs-chart--p95', points: view.latency.p95 },
        { label: 'p99', className: 'hs-chart--p99', points: view.latency.p99 },
      ], width, count, view.domain),
      lineChart(t.instancesOverTime, [{ label: t.instance, className: 'hs-chart--instances', points: view.instances, step: true }], width, count, view.domain),
      lineChart(`${t.coldStarts} / ${t.throttles}`, [
        { label: t.coldStarts, className: 'hs-chart--cold', points: view.coldStarts, step: true },
        { label: t.throttles, className: 'hs-chart--throttled', points: view.throttles, step: true },
      ], width, count, view.domain),
    );
  }
}

function numberField(label: string, name: string, initial: number, min: number, max: number) {
  const input = h('input', { type: 'number', value: initial, min, max, step: 1, 'data-hs': name });
  return {
    label: h('label', { class: 'hs-pg__field' }, h('span', {}, label), input),
    value: () => Math.min(max, Math.max(min, Math.round(Number(input.value) || initial))),
  };
}
