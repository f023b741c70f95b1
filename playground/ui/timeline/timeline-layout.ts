import { MODELLED_PHASES } from '../../faas/phases.ts';
import { modelledTotalMs } from '../../model/platform-profiles.ts';
import type { Lane, RequestBar, TimelineModel } from './timeline-model.ts';

/**
 * Turns the timeline model into positioned shapes, with no DOM, so the geometry can be tested in Node and drawn
 * by a thin SVG renderer. One lane per instance, in start order, plus a lane for throttled requests.
 */
export interface TimelineShape {
  kind: 'rect' | 'line' | 'text' | 'mark';
  x: number;
  y: number;
  width: number;
  height: number;
  /** CSS class: says what the shape is (phase, start kind, status), so colour and pattern come from CSS. */
  className: string;
  text?: string;
  /** The request a shape belongs to, for hover and focus. */
  requestId?: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  shapes: TimelineShape[];
  /** Every request bar as one focusable group: its bounding box and the request it stands for. */
  targets: Array<{ requestId: string; x: number; y: number; width: number; height: number; label: string }>;
}

export interface TimelineLabels {
  lane(index: number, lane: Lane): string;
  throttledLane: string;
  cold: string;
  warm: string;
  /** Written on a profile's modelled phases, which are drawn striped: they were not measured. */
  modelled: string;
  ended(reason: NonNullable<Lane['endReason']>): string;
  target(bar: RequestBar): string;
}

const GUTTER = 104;
const AXIS_HEIGHT = 22;
const LANE_HEIGHT = 30;
const BAR_HEIGHT = 18;
const MIN_BAR = 3;
const RIGHT_PAD = 12;

export function layoutTimeline(model: TimelineModel, now: number, width: number, labels: TimelineLabels): TimelineLayout {
  const { from, to } = model.span(now);
  const plotWidth = Math.max(40, width - GUTTER - RIGHT_PAD);
  const scale = plotWidth / Math.max(1, to - from);
  const x = (t: number) => GUTTER + (t - from) * scale;
  const throttled = model.bars.filter((bar) => bar.instanceId === undefined);
  const laneCount = model.lanes.length + (throttled.length > 0 ? 1 : 0);
  const height = AXIS_HEIGHT + Math.max(1, laneCount) * LANE_HEIGHT + 4;
  const shapes: TimelineShape[] = axis(from, to, x, height);
  const targets: TimelineLayout['targets'] = [];
  const laneIndex = new Map<string, number>();

  model.lanes.forEach((lane, index) => {
    laneIndex.set(lane.instanceId, index);
    const top = AXIS_HEIGHT + index * LANE_HEIGHT;
    const middle = top + LANE_HEIGHT / 2;
    shapes.push({ kind: 'text', x: 6, y: middle + 4, width: GUTTER - 10, height: 12, className: 'hs-tl-lane-label', text: labels.lane(index, lane) });
    const aliveTo = lane.endedAt ?? Math.max(now, lane.startedAt);
    // The instance's life is a thin line: where no bar covers it, the instance sat idle, warm and waiting.
    shapes.push({ kind: 'line', x: x(lane.startedAt), y: middle, width: Math.max(1, x(aliveTo) - x(lane.startedAt)), height: 0, className: `hs-tl-idle${lane.provisioned ? ' hs-tl-idle--provisioned' : ''}` });
    if (lane.endedAt !== undefined && lane.endReason !== undefined) {
      shapes.push({ kind: 'mark', x: x(lane.endedAt), y: middle, width: 10, height: 10, className: `hs-tl-end hs-tl-end--${lane.endReason}`, text: labels.ended(lane.endReason) });
    }
  });

  const tagEnds = new Map<number, number>();
  for (const bar of model.bars) {
    if (bar.instanceId === undefined) continue;
    const index = laneIndex.get(bar.instanceId) ?? 0;
    const top = AXIS_HEIGHT + index * LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2;
    const modelledMs = bar.kind === 'cold' ? modelledTotalMs(bar.modelled) : 0;
    const startPhases = bar.kind === 'cold' ? modelledMs + bar.spawnMs + bar.loadMs + bar.initMs : 0;
    const coldFrom = bar.start - startPhases;
    let cursor = x(coldFrom);
    const left = cursor;
    if (modelledMs > 0) {
      for (const phase of MODELLED_PHASES) {
        const w = (bar.modelled?.[phase] ?? 0) * scale;
        if (w <= 0) continue;
        shapes.push({ kind: 'rect', x: cursor, y: top, width: w, height: BAR_HEIGHT, className: `hs-tl-phase hs-tl-phase--modelled hs-tl-phase--${phase}`, requestId: bar.requestId });
        cursor += w;
      }
      const labelWidth = tagTextWidth(labels.modelled) + 6;
      if (cursor - left >= labelWidth) {
        shapes.push({ kind: 'text', x: left + 3, y: top + BAR_HEIGHT - 5, width: labelWidth, height: 10, className: 'hs-tl-modelled-label', text: labels.modelled, requestId: bar.requestId });
      }
    }
    if (bar.kind === 'cold') {
      for (const [phase, ms] of [['spawn', bar.spawnMs], ['load', bar.loadMs], ['init', bar.initMs]] as const) {
        const w = ms * scale;
        if (w <= 0) continue;
        shapes.push({ kind: 'rect', x: cursor, y: top, width: w, height: BAR_HEIGHT, className: `hs-tl-phase hs-tl-phase--${phase}`, requestId: bar.requestId });
        cursor += w;
      }
    }
    const handlerWidth = Math.max(MIN_BAR, (bar.end - bar.start) * scale);
    shapes.push({ kind: 'rect', x: cursor, y: top, width: handlerWidth, height: BAR_HEIGHT, className: `hs-tl-phase hs-tl-phase--handler hs-tl-${bar.kind} hs-tl-status--${bar.status}`, requestId: bar.requestId });
    const total = Math.max(MIN_BAR, cursor + handlerWidth - left);
    // Cold and warm differ by more than colour: cold bars carry a hatched start and a text tag.
    // The tag sits on the handler part (the hatching stays readable); a bar too narrow for it gets the tag just
    // after it, unless that would overlap the previous tag on the lane.
    const tag = bar.kind === 'cold' ? labels.cold : labels.warm;
    const tagWidth = tagTextWidth(tag) + 6;
    const inside = handlerWidth >= tagWidth;
    const tagX = inside ? cursor + 3 : left + total + 3;
    if (inside || tagX >= (tagEnds.get(index) ?? -Infinity)) {
      shapes.push({ kind: 'text', x: tagX, y: top + BAR_HEIGHT - 5, width: tagWidth, height: 10, className: `hs-tl-tag hs-tl-tag--${bar.kind}${inside ? '' : ' hs-tl-tag--outside'}`, text: tag, requestId: bar.requestId });
      tagEnds.set(index, tagX + tagWidth);
    }
    targets.push({ requestId: bar.requestId, x: left, y: top, width: total, height: BAR_HEIGHT, label: labels.target(bar) });
  }

  if (throttled.length > 0) {
    const top = AXIS_HEIGHT + model.lanes.length * LANE_HEIGHT;
    const middle = top + LANE_HEIGHT / 2;
    shapes.push({ kind: 'text', x: 6, y: middle + 4, width: GUTTER - 10, height: 12, className: 'hs-tl-lane-label hs-tl-lane-label--throttled', text: labels.throttledLane });
    for (const bar of throttled) {
      shapes.push({ kind: 'mark', x: x(bar.arrival), y: middle, width: 10, height: 10, className: 'hs-tl-throttle', requestId: bar.requestId, text: '×' });
      targets.push({ requestId: bar.requestId, x: x(bar.arrival) - 5, y: middle - 5, width: 10, height: 10, label: labels.target(bar) });
    }
  }
  return { width, height, shapes, targets };
}

function axis(from: number, to: number, x: (t: number) => number, height: number): TimelineShape[] {
  const span = Math.max(1, to - from);
  const step = niceStep(span / 6);
  const shapes: TimelineShape[] = [];
  for (let t = 0; t <= span + 1e-9; t += step) {
    const at = x(from + t);
    shapes.push({ kind: 'line', x: at, y: AXIS_HEIGHT - 4, width: 0, height: height - AXIS_HEIGHT + 4, className: 'hs-tl-grid' });
    shapes.push({ kind: 'text', x: at + 2, y: 13, width: 60, height: 12, className: 'hs-tl-axis', text: formatOffset(t) });
  }
  return shapes;
}

/** 1, 2 or 5 times a power of ten: the steps a person reads without effort. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-6)));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function formatOffset(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6000) / 10} min`;
}

/** The tag's text width at the timeline's small font: CJK characters are full-width, about twice a Latin letter. */
function tagTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char) ? 12 : 7;
  return width;
}
