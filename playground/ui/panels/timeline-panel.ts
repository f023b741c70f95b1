import { formatBreakdown, initDuration, MODELLED_PHASES } from '../../faas/phases.ts';
import type { ModelledPhase } from '../../faas/phases.ts';
import { modelledTotalMs } from '../../model/platform-profiles.ts';
import { h, svg } from '../dom.ts';
import { fill, ms } from '../format.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { layoutTimeline, type TimelineLabels } from '../timeline/timeline-layout.ts';
import type { Lane, RequestBar, TimelineModel } from '../timeline/timeline-model.ts';
import { phaseName, reportMs, statusText } from './result-panel.ts';

/**
 * The timeline as SVG: one lane per instance, one bar per request split into its phases. Each bar is a focusable
 * group whose details appear on hover or focus; lanes keep growing while instances idle, so reclaims show up live.
 */
export class TimelinePanel {
  private readonly host: HTMLElement;
  private readonly details: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly model: TimelineModel;
  private readonly t: PlaygroundStrings;
  private readonly now: () => number;
  private readonly onPick: (requestId: string) => void;
  private pending = false;
  private ticking: ReturnType<typeof setInterval> | undefined;
  private readonly barsById = new Map<string, RequestBar>();
  /** Horizontal zoom: the drawing is this many times the panel's width and scrolls sideways. */
  private zoom = 1;

  constructor(panel: HTMLElement, model: TimelineModel, t: PlaygroundStrings, now: () => number, onPick: (requestId: string) => void) {
    this.model = model;
    this.t = t;
    this.now = now;
    this.onPick = onPick;
    this.empty = h('p', { class: 'hs-pg__empty' }, t.timelineEmpty);
    this.host = h('div', { class: 'hs-tl', 'data-hs': 'timeline' });
    this.details = h('p', { class: 'hs-tl__details', 'data-hs': 'timeline-details', 'aria-live': 'polite' }, t.timelineHelp);
    const zoomButton = (label: string, text: string, change: (zoom: number) => number) => {
      const button = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--small', 'aria-label': label, title: label }, text);
      button.addEventListener('click', () => {
        this.zoom = Math.min(64, Math.max(1, change(this.zoom)));
        this.update();
      });
      return button;
    };
    const zoom = h('div', { class: 'hs-tl__zoom', role: 'group', 'aria-label': t.zoom }, zoomButton(t.zoomOut, '−', (z) => z / 2), zoomButton(t.zoomIn, '+', (z) => z * 2), zoomButton(t.zoomFit, '↔', () => 1));
    panel.replaceChildren(this.empty, h('div', { class: 'hs-tl__head' }, legend(t), zoom), this.host, this.details);
    new ResizeObserver(() => this.update()).observe(this.host);
  }

  update(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
    const live = this.model.lanes.some((lane) => lane.endedAt === undefined);
    if (live && this.ticking === undefined) this.ticking = setInterval(() => this.update(), 1000);
    if (!live && this.ticking !== undefined) {
      clearInterval(this.ticking);
      this.ticking = undefined;
    }
  }

  private draw(): void {
    // A hidden panel is drawn when it is shown (the tabs call update), not on every request of a load run.
    if (this.host.closest('[hidden]')) return;
    const width = Math.max(280, this.host.clientWidth) * this.zoom;
    const t = this.t;
    const labels: TimelineLabels = {
      lane: (index, lane) => `${t.instance} ${index + 1}${lane.provisioned ? ' ★' : ''}`,
      throttledLane: t.throttled,
      cold: t.cold,
      warm: t.warm,
      modelled: t.modelled,
      ended: (reason) => endText(reason, t),
      target: (bar) => describe(bar, t),
    };
    const layout = layoutTimeline(this.model, this.now(), width, labels);
    this.empty.hidden = this.model.bars.length > 0 || this.model.lanes.length > 0;
    this.barsById.clear();
    for (const bar of this.model.bars) this.barsById.set(bar.requestId, bar);

    const root = svg('svg', { width, height: layout.height, viewBox: `0 0 ${width} ${layout.height}`, role: 'img', 'aria-label': t.tabTimeline, class: 'hs-tl__svg' });
    root.append(patterns());
    const groups = new Map<string, SVGGElement>();
    for (const target of layout.targets) {
      const group = svg('g', { class: 'hs-tl__target', tabindex: 0, role: 'button', 'aria-label': target.label, 'data-request-id': target.requestId });
      groups.set(target.requestId, group);
    }
    for (const shape of layout.shapes) {
      const element = drawShape(shape);
      const group = shape.requestId === undefined ? undefined : groups.get(shape.requestId);
      (group ?? root).append(element);
    }
    for (const target of layout.targets) {
      const group = groups.get(target.requestId);
      if (!group) continue;
      group.prepend(svg('title', {}, target.label));
      group.addEventListener('mouseenter', () => this.showDetails(target.requestId));
      group.addEventListener('focus', () => this.showDetails(target.requestId));
      group.addEventListener('click', () => this.onPick(target.requestId));
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') this.onPick(target.requestId);
      });
      root.append(group);
    }
    this.host.replaceChildren(root);
  }

  private showDetails(requestId: string): void {
    const bar = this.barsById.get(requestId);
    if (bar) this.details.textContent = describe(bar, this.t);
  }
}

function drawShape(shape: ReturnType<typeof layoutTimeline>['shapes'][number]): SVGElement {
  switch (shape.kind) {
    case 'rect':
      return svg('rect', { x: shape.x, y: shape.y, width: shape.width, height: shape.height, rx: 2, class: shape.className });
    case 'line':
      return svg('line', { x1: shape.x, y1: shape.y, x2: shape.x + shape.width, y2: shape.y + shape.height, class: shape.className });
    case 'text':
      return svg('text', { x: shape.x, y: shape.y, class: shape.className }, shape.text ?? '');
    case 'mark':
      return svg('g', { class: shape.className }, svg('text', { x: shape.x, y: shape.y + 4, 'text-anchor': 'middle' }, shape.className.includes('throttle') ? '×' : '✕'), svg('title', {}, shape.text ?? ''));
  }
}

/** Hatching for the cold-start phases: cold and warm must differ by more than colour. */
function patterns(): SVGDefsElement {
  return svg(
    'defs',
    {},
    // Modelled phases: stripes the other way, so a time that was not measured never looks like one that was.
    svg('pattern', { id: 'hs-tl-modelled', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-45)' }, svg('rect', { width: 8, height: 8, class: 'hs-tl-modelled-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hs-tl-modelled-line' })),
    svg('pattern', { id: 'hs-tl-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, svg('rect', { width: 6, height: 6, class: 'hs-tl-hatch-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hs-tl-hatch-line' })),
  );
}

function legend(t: PlaygroundStrings): HTMLElement {
  const item = (className: string, text: string) => h('li', {}, h('span', { class: `hs-tl__swatch ${className}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'hs-tl__legend' },
    item('hs-tl__swatch--modelled', `${t.modelled}: ${t.phasePlacement}, ${t.phaseSandboxStart}, ${t.phaseCodeDownload}, ${t.phaseVpcAttach}`),
    item('hs-tl__swatch--spawn', t.phaseSpawn),
    item('hs-tl__swatch--load', t.phaseLoad),
    item('hs-tl__swatch--init', t.phaseInit),
    item('hs-tl__swatch--cold', fill(t.aside, { text: t.phaseHandler, note: t.cold })),
    item('hs-tl__swatch--warm', fill(t.aside, { text: t.phaseHandler, note: t.warm })),
    item('hs-tl__swatch--idle', t.idle),
    item('hs-tl__swatch--provisioned', `${t.idle}, ${t.provisionedInstance} ★`),
    h('li', {}, h('span', { class: 'hs-tl__glyph', 'aria-hidden': 'true' }, '×'), t.throttled),
  );
}

function endText(reason: NonNullable<Lane['endReason']>, t: PlaygroundStrings): string {
  const texts: Record<NonNullable<Lane['endReason']>, string> = {
    reclaimed: t.reclaimed,
    crashed: t.crashed,
    'timed-out': t.timedOut,
    'init-failed': t.initFailed,
    replaced: t.replaced,
  };
  return texts[reason];
}

export function describe(bar: RequestBar, t: PlaygroundStrings): string {
  const parts = [`${bar.requestId.slice(0, 8)}`, bar.kind === 'cold' ? t.cold : bar.kind === 'warm' ? t.warm : t.throttled, statusText(bar.status, t)];
  // The same figures, names and digits as the result table and the REPORT line.
  const modelled = bar.kind === 'cold' ? bar.modelled : undefined;
  if (modelled) {
    const phases = MODELLED_PHASES.flatMap((phase) => (modelled[phase] === undefined ? [] : [`${modelledName(phase, t)} ${modelled[phase].toFixed(1)}`]));
    parts.push(`${t.modelled} ${modelledTotalMs(modelled).toFixed(1)} ms = ${phases.join(' + ')}`);
  }
  if (bar.kind === 'cold') parts.push(`${t.initDuration} ${formatBreakdown(initDuration(bar), (phase) => phaseName(phase, t))}`);
  if (bar.kind !== 'throttled') parts.push(bar.durationMs === undefined ? `${t.phaseHandler} ${ms(bar.end - bar.start)}` : `${t.duration} ${reportMs(bar.durationMs)}`);
  return parts.join(' · ');
}

function modelledName(phase: ModelledPhase, t: PlaygroundStrings): string {
  const names: Record<ModelledPhase, string> = { placement: t.phasePlacement, sandboxStart: t.phaseSandboxStart, codeDownload: t.phaseCodeDownload, vpcAttach: t.phaseVpcAttach };
  return names[phase];
}
