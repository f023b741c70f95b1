import { h } from '../dom.ts';
import { formatBreakdown, type Phase } from '../../faas/phases.ts';
import { fill } from '../format.ts';
import type { InvocationView } from '../engine/invocation-view.ts';
import type { PlaygroundStrings } from '../strings.ts';
import type { RequestStatus } from '../timeline/timeline-model.ts';

export function statusText(status: RequestStatus, t: PlaygroundStrings): string {
  const texts: Record<RequestStatus, string> = {
    ok: t.statusOk,
    error: t.statusError,
    timeout: t.statusTimeout,
    throttled: t.statusThrottled,
    crashed: t.statusCrashed,
    oom: t.statusOom,
  };
  return texts[status];
}

/**
 * The last invocation: what it returned, how long it ran and was billed, and (the lesson most people get wrong)
 * which instance answered and whether that instance was new.
 */
export function renderResult(panel: HTMLElement, view: InvocationView, t: PlaygroundStrings, maxConcurrency: number): void {
  const { bar } = view;
  const instanceName = view.instanceNumber === undefined ? '' : `${t.instance} ${view.instanceNumber}`;
  const badge =
    bar.kind === 'throttled'
      ? h('span', { class: 'hs-badge hs-badge--throttled', 'data-start': 'throttled' }, '⛔ ', t.throttled)
      : bar.kind === 'cold'
        ? h('span', { class: 'hs-badge hs-badge--cold', 'data-start': 'cold' }, '❄ ', t.cold)
        : h('span', { class: 'hs-badge hs-badge--warm', 'data-start': 'warm' }, '♨ ', t.warm);
  const explanation =
    bar.kind === 'throttled'
      ? fill(t.throttledExplained, { limit: maxConcurrency })
      : fill(bar.kind === 'cold' ? t.coldExplained : t.warmExplained, { instance: instanceName });
  const ended = bar.status === 'timeout' || bar.status === 'crashed' || bar.status === 'oom';

  const facts: Array<[string, Node | string]> = [
    [t.status, h('span', { class: `hs-status hs-status--${bar.status}`, 'data-hs': 'result-status' }, statusText(bar.status, t))],
    [t.instance, h('span', { 'data-hs': 'result-instance' }, instanceName ? fill(t.aside, { text: instanceName, note: bar.kind === 'cold' ? t.newInstance : t.reusedInstance }) : '—')],
    [t.duration, h('span', { 'data-hs': 'result-duration' }, reportMs(view.durationMs))],
  ];
  if (view.initDuration) facts.push([t.initDuration, h('span', { 'data-hs': 'result-init' }, formatBreakdown(view.initDuration, (phase) => phaseName(phase, t)))]);
  facts.push([t.billedDuration, h('span', { 'data-hs': 'result-billed' }, `${billedText(view, t)} · ${formatGbSeconds(view.billedGbSeconds)} GB-s`)]);
  // Only an isolated page measures memory at all, and then only every ~20 s: a short request that ended badly has no figure.
  const unmeasured = ended && globalThis.crossOriginIsolated ? t.notMeasuredBeforeEnd : t.notMeasured;
  facts.push([t.maxMemory, view.maxMemoryMb === undefined ? unmeasured : `${Math.round(view.maxMemoryMb)} / ${view.memoryMb} MB`]);
  facts.push([t.requestId, h('code', {}, bar.requestId)]);

  const body = view.result.ok ? jsonBody(view.result.value) : undefined;
  const output = view.result.ok
    ? h(
        'section',
        { class: 'hs-result__value' },
        body === undefined ? null : h('h3', {}, t.parsedBody),
        body === undefined ? null : h('pre', { 'data-hs': 'result-body' }, JSON.stringify(body, null, 2)),
        h('h3', {}, t.value),
        h('pre', { 'data-hs': 'result-value' }, formatValue(view.result.value)),
      )
    : h(
        'section',
        { class: 'hs-result__error' },
        h('h3', {}, t.error),
        h('pre', { 'data-hs': 'result-error' }, JSON.stringify({ errorType: view.result.error.errorType, errorMessage: view.result.error.errorMessage }, null, 2), view.result.error.stack ? `\n\n${view.result.error.stack.join('\n')}` : ''),
      );

  panel.replaceChildren(
    h('div', { class: 'hs-result__head' }, badge, h('p', { class: 'hs-result__why' }, explanation, ended ? ` ${fill(t.instanceEndedExplained, { instance: instanceName })}` : '')),
    h('dl', { class: 'hs-result__facts' }, ...facts.flatMap(([term, detail]) => [h('dt', {}, term), h('dd', {}, detail)])),
    output,
    h('pre', { class: 'hs-result__report' }, view.report),
  );
}

/** Milliseconds as the REPORT line prints them, so the table and the line show the same digits. */
export function reportMs(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** "68 ms = Duration 12.34 + Init Duration 55.00, rounded up" where init is billed; the reason where it is not. */
function billedText(view: InvocationView, t: PlaygroundStrings): string {
  const billed = `${view.billedDurationMs} ms`;
  if (view.billedInitMs > 0) return `${billed} = ${t.duration} ${view.durationMs.toFixed(2)} + ${t.initDuration} ${view.billedInitMs.toFixed(2)}, ${t.roundedUp}`;
  return view.initDuration ? fill(t.aside, { text: billed, note: t.initNotBilled }) : billed;
}

/** A phase's name in the playground's language; the same words the timeline uses. */
export function phaseName(phase: Phase, t: PlaygroundStrings): string {
  switch (phase) {
    case 'workerStart':
      return t.phaseSpawn;
    case 'codeLoad':
      return t.phaseLoad;
    case 'yourInit':
      return t.phaseInit;
    case 'handler':
      return t.phaseHandler;
    default:
      return phase;
  }
}

export function renderResultMessage(panel: HTMLElement, message: string, kind: 'info' | 'error' = 'info'): void {
  panel.replaceChildren(h('p', { class: kind === 'error' ? 'hs-pg__error' : 'hs-pg__empty', 'data-hs': 'result-message' }, message));
}

/** An API gateway response keeps its payload as a JSON string in `body`; shown parsed, it is readable at a glance. */
function jsonBody(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('body' in value) || typeof value.body !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value.body);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

export function formatGbSeconds(value: number): string {
  if (value === 0) return '0';
  return value < 0.001 ? value.toExponential(2) : value.toFixed(value < 1 ? 4 : 2);
}
