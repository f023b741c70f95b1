import { h } from '../dom.ts';
import { count, fill } from '../format.ts';
import { LogStore, matches, narrows, noFilter, type LogFilter, type LogLine } from '../logs/log-store.ts';
import { describeLogWindow, logWindow } from '../logs/log-window.ts';
import type { PlaygroundStrings } from '../strings.ts';

const levels = ['all', 'debug', 'info', 'warn', 'error', 'report'] as const;

/**
 * Every line the function wrote, tagged with its request and instance, filterable by level, request, instance and
 * text. Redraws are batched to one per frame, so a load run of thousands of lines does not stall the page.
 */
export class LogPanel {
  readonly store = new LogStore();
  private filter: LogFilter = noFilter;
  /** The seq of the last row shown after paging back, or null while the panel follows new output. */
  private windowEnd: number | null = null;
  private readonly list: HTMLOListElement;
  private readonly levelSelect: HTMLSelectElement;
  private readonly requestSelect: HTMLSelectElement;
  private readonly instanceSelect: HTMLSelectElement;
  private readonly note: HTMLElement;
  private readonly windowBar: HTMLElement;
  private readonly windowNote: HTMLElement;
  private readonly earlier: HTMLButtonElement;
  private readonly later: HTMLButtonElement;
  private earlierEnd: number | undefined;
  private laterEnd: number | null | undefined;
  private pending = false;
  private readonly t: PlaygroundStrings;
  private readonly counter: HTMLElement | null;
  private readonly instanceName: (id: string) => string;

  constructor(panel: HTMLElement, t: PlaygroundStrings, counter: HTMLElement | null, instanceName: (id: string) => string) {
    this.t = t;
    this.counter = counter;
    this.instanceName = instanceName;
    this.levelSelect = h('select', { 'data-hs': 'log-level' }, ...levels.map((level) => h('option', { value: level }, level === 'all' ? t.all : level)));
    this.requestSelect = h('select', { 'data-hs': 'log-request' });
    this.instanceSelect = h('select', { 'data-hs': 'log-instance' });
    const search = h('input', { type: 'search', placeholder: t.search, 'aria-label': t.search, 'data-hs': 'log-search' });
    const clear = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--small' }, t.clear);
    this.list = h('ol', { class: 'hs-logs__list', 'data-hs': 'log-lines', 'aria-live': 'off' });
    this.note = h('p', { class: 'hs-pg__empty' }, t.logsEmpty);
    this.windowNote = h('span', { 'data-hs': 'log-window' });
    this.earlier = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--small', 'data-hs': 'log-earlier' }, t.logsEarlier);
    this.later = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--small', 'data-hs': 'log-later' }, t.logsLater);
    this.windowBar = h('p', { class: 'hs-logs__window' }, this.windowNote, this.earlier, this.later);
    panel.replaceChildren(
      h(
        'div',
        { class: 'hs-logs__filters' },
        h('label', {}, h('span', {}, t.level), this.levelSelect),
        h('label', {}, h('span', {}, t.request), this.requestSelect),
        h('label', {}, h('span', {}, t.instance), this.instanceSelect),
        search,
        clear,
      ),
      this.note,
      this.windowBar,
      this.list,
    );
    this.levelSelect.addEventListener('change', () => this.setFilter({ level: this.levelSelect.value as LogFilter['level'] }));
    this.requestSelect.addEventListener('change', () => this.setFilter({ requestId: this.requestSelect.value }));
    this.instanceSelect.addEventListener('change', () => this.setFilter({ instanceId: this.instanceSelect.value }));
    search.addEventListener('input', () => this.setFilter({ text: search.value }));
    clear.addEventListener('click', () => {
      this.store.clear();
      this.windowEnd = null;
      this.redraw();
    });
    this.earlier.addEventListener('click', () => this.page(this.earlierEnd));
    this.later.addEventListener('click', () => this.page(this.laterEnd));
    this.redraw();
  }

  add(line: Omit<LogLine, 'seq'>): void {
    this.store.add(line);
    this.schedule();
  }

  /** Draws the lines now; the tabs call it when the panel is shown, since a hidden panel is not kept drawn. */
  refresh(): void {
    this.redraw();
  }

  /** Shows only one request's lines, e.g. after clicking a bar on the timeline. */
  showRequest(requestId: string): void {
    this.setFilter({ requestId });
  }

  private setFilter(change: Partial<LogFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.windowEnd = null;
    this.redraw();
  }

  private page(end: number | null | undefined): void {
    if (end === undefined) return;
    this.windowEnd = end;
    this.redraw();
    if (end !== null) this.list.scrollTop = 0;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.redraw();
    });
  }

  private redraw(): void {
    const lines = this.store.all();
    const filtered = narrows(this.filter);
    const window = logWindow(filtered ? lines.filter((line) => matches(line, this.filter)) : lines, this.windowEnd);
    const description = describeLogWindow(window, this.store, filtered, this.t, count);
    if (this.counter) {
      this.counter.textContent = this.store.written > 0 ? count(this.store.written) : '';
      this.counter.title = description;
    }
    if (this.list.closest('[hidden]')) return;
    fillOptions(this.requestSelect, this.store.requestIds(), this.filter.requestId, this.t.all, (id) => id.slice(0, 8));
    fillOptions(this.instanceSelect, this.store.instanceIds(), this.filter.instanceId, this.t.all, this.instanceName);
    this.note.textContent = lines.length === 0 ? this.t.logsEmpty : '';
    this.note.hidden = this.note.textContent === '';
    this.windowNote.textContent = description;
    this.earlierEnd = window.earlier;
    this.laterEnd = window.later;
    this.earlier.hidden = window.earlier === undefined && window.later === undefined;
    this.later.hidden = this.earlier.hidden;
    this.earlier.disabled = window.earlier === undefined;
    this.later.disabled = window.later === undefined;
    this.windowBar.hidden = description === '';
    this.list.replaceChildren(...window.lines.map((line) => this.renderLine(line)));
    if (this.windowEnd === null) this.list.scrollTop = this.list.scrollHeight;
  }

  private renderLine(line: LogLine): HTMLLIElement {
    const time = new Date(line.time).toISOString().slice(11, 23);
    return h(
      'li',
      { class: `hs-logs__line hs-logs__line--${line.level}`, 'data-level': line.level, 'data-request-id': line.requestId ?? '' },
      h('span', { class: 'hs-logs__time' }, time),
      h('span', { class: 'hs-logs__level' }, line.level.toUpperCase()),
      h('span', { class: 'hs-logs__request', title: line.requestId ?? '' }, line.requestId ? line.requestId.slice(0, 8) : this.t.outsideRequest),
      h('span', { class: 'hs-logs__instance' }, line.instanceId ? this.instanceName(line.instanceId) : ''),
      h('span', { class: 'hs-logs__message' }, line.message),
    );
  }
}

function fillOptions(select: HTMLSelectElement, values: string[], selected: string, allLabel: string, label: (value: string) => string): void {
  const wanted = ['all', ...values];
  const current = [...select.options].map((option) => option.value);
  if (wanted.length === current.length && wanted.every((value, index) => value === current[index])) return;
  select.replaceChildren(...wanted.map((value) => h('option', { value, selected: value === selected }, value === 'all' ? allLabel : label(value))));
}
