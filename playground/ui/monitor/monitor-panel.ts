import { h } from '../dom.ts';
import { fill } from '../format.ts';
import type { InstanceNames } from '../engine/instance-names.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { CLI_MONITOR_COMMAND } from '../profile/cli-commands.ts';
import { MonitorChart, type ChartLimit, type ChartMark } from './monitor-chart.ts';
import { cpuSeries, measuredFields, memorySeries, MEMORY_FIELDS, type AlignedSeries, type MemoryField } from './monitor-series.ts';
import type { InstanceEnd, InstanceTrack, MonitorStore } from './monitor-store.ts';

/** Points per chart before time is bucketed: plenty for a canvas 700 px wide. */
const MAX_POINTS = 1500;
/** Redraws at most twice a second, and only while the panel is visible: a load run must keep the thread. */
const REDRAW_MS = 500;
const MIB = 1024 * 1024;

export interface MonitorContext {
  names: InstanceNames;
  /** The deployed function's memory setting in MB, drawn as the limit line. */
  memoryMb(): number;
}

/**
 * The Monitor tab: each instance's memory (and CPU, where the host measures it) over time as the platform's
 * samples report it, instance numbers as on the Timeline, starts, restarts and out-of-memory kills marked, and a
 * plain account of what this browser does not measure and why.
 */
export class MonitorPanel {
  private readonly panel: HTMLElement;
  private readonly store: MonitorStore;
  private readonly t: PlaygroundStrings;
  private readonly context: MonitorContext;
  private readonly waiting: HTMLElement;
  private readonly fieldSelect: HTMLSelectElement;
  private readonly charts: HTMLElement;
  private readonly cpuNote: HTMLElement;
  private readonly instances: HTMLElement;
  private memoryChart: MonitorChart | undefined;
  private cpuChart: MonitorChart | undefined;
  private field: MemoryField = 'heapUsed';
  private pending: ReturnType<typeof setTimeout> | undefined;
  private drawnVersion = -1;
  private drawnWidth = 0;
  private drawnMemoryMb = 0;
  /** The charts' width as the resize observer last saw it: reading clientWidth in a redraw would force a layout. */
  private chartsWidth = 600;
  private marks: ChartMark[] = [];
  private limit: ChartLimit | undefined;

  constructor(panel: HTMLElement, store: MonitorStore, t: PlaygroundStrings, context: MonitorContext) {
    this.panel = panel;
    panel.classList.add('hs-monitor');
    this.store = store;
    this.t = t;
    this.context = context;
    this.waiting = h('p', { class: 'hs-pg__empty', 'data-hs': 'monitor-waiting' });
    this.fieldSelect = h('select', { 'data-hs': 'monitor-field' });
    this.fieldSelect.addEventListener('change', () => {
      this.field = this.fieldSelect.value as MemoryField;
      this.redraw(true);
    });
    const clear = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--small', 'data-hs': 'monitor-clear' }, t.monitorClear);
    clear.addEventListener('click', () => {
      store.clear();
      this.redraw(true);
    });
    this.charts = h('div', { class: 'hs-monitor__charts' });
    this.cpuNote = h('p', { class: 'hs-monitor__note', 'data-hs': 'monitor-cpu-note' }, fill(t.monitorNoCpu, { command: CLI_MONITOR_COMMAND }));
    this.instances = h('ul', { class: 'hs-monitor__instances', 'data-hs': 'monitor-instances', 'aria-label': t.monitorInstances });
    panel.replaceChildren(
      h('p', { class: 'hs-pg__empty' }, t.monitorIntro),
      h('p', { class: 'hs-monitor__note', 'data-hs': 'monitor-memory-note' }, this.memoryNote()),
      this.waiting,
      h('div', { class: 'hs-monitor__controls' }, h('label', { class: 'hs-pg__field hs-pg__field--inline' }, h('span', {}, t.monitorFieldPick), this.fieldSelect), clear),
      this.charts,
      this.cpuNote,
      h('h3', {}, t.monitorInstances),
      this.instances,
    );
    new ResizeObserver((entries) => {
      const width = entries.at(-1)?.contentRect.width ?? 0;
      if (width > 0) this.chartsWidth = width;
      this.schedule();
    }).observe(this.charts);
    this.redraw(true);
  }

  /** Something changed in the store: redraw soon if the panel is visible. */
  schedule(): void {
    if (this.pending !== undefined) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      requestAnimationFrame(() => this.redraw(false));
    }, REDRAW_MS);
  }

  /** The tab was opened: draw now, at the width it has now (once per click, a layout read is cheap). */
  shown(): void {
    if (this.charts.clientWidth > 0) this.chartsWidth = this.charts.clientWidth;
    this.redraw(true);
  }

  private redraw(force: boolean): void {
    if (this.panel.hidden) return;
    const width = Math.min(this.chartsWidth, 900);
    const memoryMb = this.context.memoryMb();
    if (!force && this.drawnVersion === this.store.version && this.drawnWidth === width && this.drawnMemoryMb === memoryMb) return;
    this.drawnVersion = this.store.version;
    this.drawnWidth = width;
    this.drawnMemoryMb = memoryMb;
    const tracks = [...this.store.tracks.values()].sort((a, b) => this.number(a.instanceId) - this.number(b.instanceId));
    const fields = measuredFields(tracks);
    const memoryFields = MEMORY_FIELDS.filter((field) => fields.has(field));
    this.fillFieldSelect(memoryFields);
    const t0 = this.store.firstTime() ?? 0;
    this.marks = this.computeMarks(t0);
    this.limit = { value: memoryMb, label: fill(this.t.monitorLimit, { mb: memoryMb }) };

    this.waiting.textContent = tracks.length === 0 ? this.t.monitorEmpty : fill(this.t.monitorWaiting, { count: tracks.filter((track) => track.end === undefined).length });
    this.waiting.hidden = memoryFields.length > 0;
    this.fieldSelect.closest('label')?.toggleAttribute('hidden', memoryFields.length === 0);

    if (memoryFields.length > 0) {
      this.memoryChart ??= this.chart(this.t.monitorMemory, (mb) => `${Number(mb.toFixed(mb < 10 ? 1 : 0))} MB`, () => this.limit);
      this.memoryChart.update(inMegabytes(memorySeries(tracks, this.field, t0, MAX_POINTS)), width);
    }
    const cpuMeasured = fields.has('cpuUserUs') || fields.has('cpuSystemUs');
    if (cpuMeasured) {
      this.cpuChart ??= this.chart(this.t.monitorCpu, (v) => `${v.toFixed(0)}%`, () => undefined);
      this.cpuChart.update(cpuSeries(tracks, t0, MAX_POINTS), width);
    }
    this.cpuNote.hidden = cpuMeasured || tracks.length === 0;
    const shown = [memoryFields.length > 0 ? this.memoryChart?.element : undefined, cpuMeasured ? this.cpuChart?.element : undefined].filter((e): e is HTMLElement => e !== undefined);
    // Moving a chart that is already in place would lay it out and paint it again on every redraw of a load run.
    if (shown.length !== this.charts.children.length || shown.some((chart, index) => this.charts.children[index] !== chart)) this.charts.replaceChildren(...shown);
    this.instances.replaceChildren(...tracks.map((track) => this.instanceItem(track, t0)));
  }

  private computeMarks(t0: number): ChartMark[] {
    const t = this.t;
    const labels: Record<ChartMark['kind'], string> = { start: t.monitorMarkStart, restart: t.monitorMarkRestart, 'out-of-memory': t.monitorMarkOom, crashed: t.monitorMarkCrash, 'timed-out': t.monitorMarkTimeout };
    return this.store.marks.map((mark) => ({ t: (mark.time - t0) / 1000, kind: mark.kind, word: labels[mark.kind], instance: this.number(mark.instanceId) }));
  }

  private chart(title: string, formatValue: (v: number) => string, limit: () => ChartLimit | undefined): MonitorChart {
    const t = this.t;
    return new MonitorChart({
      title,
      lineLabel: (id) => this.context.names.label(id, t.instance),
      lineNumber: (id) => this.number(id),
      formatValue,
      withAge: (text, ageMs) => fill(t.aside, { text, note: fill(t.monitorAge, { age: (ageMs / 1000).toFixed(0) }) }),
      formatTime: (seconds) => fill(t.monitorSeconds, { s: Number(seconds.toFixed(1)) }),
      timeLabel: t.monitorTime,
      noValue: t.monitorNoValue,
      limit,
      marks: () => this.marks,
    }, t.monitorChartHelp);
  }

  private fillFieldSelect(fields: MemoryField[]): void {
    if (fields.length > 0 && !fields.includes(this.field)) this.field = fields[0] as MemoryField;
    const labels = this.fieldLabels();
    const wanted = fields.join(',');
    if (this.fieldSelect.dataset.fields !== wanted) {
      this.fieldSelect.dataset.fields = wanted;
      this.fieldSelect.replaceChildren(...fields.map((field) => h('option', { value: field }, labels[field])));
    }
    this.fieldSelect.value = this.field;
  }

  private fieldLabels(): Record<MemoryField, string> {
    const t = this.t;
    return { heapUsed: t.monitorHeapUsed, heapTotal: t.monitorHeapTotal, heapLimit: t.monitorHeapLimit, external: t.monitorExternal, arrayBuffers: t.monitorArrayBuffers };
  }

  private instanceItem(track: InstanceTrack, t0: number): HTMLElement {
    const t = this.t;
    const seconds = (time: number) => ((time - t0) / 1000).toFixed(1);
    const peak = track.samples.reduce<number | undefined>((max, s) => (s[this.field] === undefined ? max : Math.max(max ?? 0, s[this.field] as number)), undefined);
    const parts = [
      this.context.names.label(track.instanceId, t.instance),
      track.restart ? t.monitorMarkRestart : undefined,
      fill(t.monitorStarted, { time: seconds(track.startedAt) }),
      peak === undefined ? t.monitorNoFigure : fill(t.monitorPeak, { field: this.fieldLabels()[this.field], value: `${(peak / MIB).toFixed(1)} MB` }),
      fill(t.monitorSamples, { count: track.samples.length }),
      track.end === undefined || track.endedAt === undefined ? t.monitorRunning : fill(endText(track.end, t), { time: seconds(track.endedAt) }),
    ].filter((part): part is string => part !== undefined);
    return h('li', { 'data-end': track.end ?? 'running', 'data-instance': this.number(track.instanceId), 'data-restart': track.restart, class: track.end === 'out-of-memory' ? 'hs-monitor__oom' : undefined }, parts.join(' · '));
  }

  private number(instanceId: string): number {
    return this.context.names.number(instanceId);
  }

  private memoryNote(): string {
    const t = this.t;
    if (!globalThis.crossOriginIsolated) return fill(t.monitorNotIsolated, { command: CLI_MONITOR_COMMAND });
    if (!('measureUserAgentSpecificMemory' in performance)) return fill(t.monitorNoMemoryApi, { command: CLI_MONITOR_COMMAND });
    return t.monitorBrowserMemory;
  }
}

/** Memory is charted in MB (MiB, as the memory setting), so the axis steps are round numbers of megabytes. */
function inMegabytes(series: AlignedSeries): AlignedSeries {
  return { x: series.x, lines: series.lines.map((line) => ({ ...line, values: line.values.map((v) => (v === null ? null : v / MIB)) })) };
}

function endText(end: InstanceEnd, t: PlaygroundStrings): string {
  const texts: Record<InstanceEnd, string> = {
    'out-of-memory': t.monitorEndOom,
    crashed: t.monitorEndCrashed,
    'timed-out': t.monitorEndTimedOut,
    reclaimed: t.monitorEndReclaimed,
    replaced: t.monitorEndReplaced,
    'init-failed': t.monitorEndInitFailed,
  };
  return texts[end];
}
