import { describe, expect, test } from 'vitest';
import { LogStore, matches, noFilter } from '../../../playground/ui/logs/log-store.ts';
import { describeLogWindow, logWindow, type LogWindowWords } from '../../../playground/ui/logs/log-window.ts';
import { playgroundStrings } from '../../../src/i18n/playground.ts';

function storeWith(count: number, capacity = 5000): LogStore {
  const store = new LogStore(capacity);
  for (let index = 1; index <= count; index++) {
    store.add({ time: index, level: index % 10 === 0 ? 'warn' : 'info', requestId: 'r1', instanceId: 'i1', message: `line ${index}` });
  }
  return store;
}

const en = (value: number) => value.toLocaleString('en');
const zh = (value: number) => value.toLocaleString('zh-CN');

function describe5000(store: LogStore, words: LogWindowWords, count: (value: number) => string, end: number | null = null): string {
  return describeLogWindow(logWindow(store.all(), end), store, false, words, count);
}

describe('the rows the Logs panel draws', () => {
  test('after 5,000 lines it draws the latest 1,000 and says which lines they are, in English and in Chinese', () => {
    const store = storeWith(5000);
    const window = logWindow(store.all(), null);
    expect(window.lines).toHaveLength(1000);
    expect(window.lines[0]?.message).toBe('line 4001');
    expect(window.lines.at(-1)?.message).toBe('line 5000');
    expect(describe5000(store, playgroundStrings.en, en)).toBe('Showing lines 4,001–5,000 of 5,000; search finds all of them.');
    expect(describe5000(store, playgroundStrings['zh-cn'], zh)).toBe('显示第 4,001–5,000 行，共 5,000 行；搜索能找到全部行。');
  });

  test('says nothing while every line is on screen', () => {
    const store = storeWith(999);
    expect(describe5000(store, playgroundStrings.en, en)).toBe('');
  });

  test('pages back through earlier stretches to the first line, and forward again to the latest', () => {
    const store = storeWith(2500);
    const latest = logWindow(store.all(), null);
    expect(latest.later).toBeUndefined();
    const middle = logWindow(store.all(), latest.earlier ?? null);
    expect([middle.lines[0]?.message, middle.lines.at(-1)?.message]).toEqual(['line 501', 'line 1500']);
    expect(describe5000(store, playgroundStrings.en, en, latest.earlier)).toBe('Showing lines 501–1,500 of 2,500; search finds all of them.');
    const oldest = logWindow(store.all(), middle.earlier ?? null);
    // The first stretch is a full one: lines 1-1,000.
    expect([oldest.lines[0]?.message, oldest.lines.at(-1)?.message, oldest.earlier]).toEqual(['line 1', 'line 1000', undefined]);
    const forward = logWindow(store.all(), oldest.later ?? null);
    expect([forward.lines[0]?.message, forward.lines.at(-1)?.message]).toEqual(['line 1001', 'line 2000']);
    // The last step forward follows new output again.
    expect(forward.later).toBeNull();
  });

  test('a stretch paged back to stays put while new lines arrive', () => {
    const store = storeWith(3000);
    const anchor = logWindow(store.all(), null).earlier ?? null;
    for (let index = 0; index < 700; index++) store.add({ time: 0, level: 'info', requestId: 'r2', instanceId: 'i1', message: 'more' });
    expect(logWindow(store.all(), anchor).lines.at(-1)?.message).toBe('line 2000');
  });

  test('counts the lines written, the dropped ones too, and says the oldest were dropped', () => {
    const store = storeWith(6000);
    expect([store.written, store.all().length, store.dropped]).toEqual([6000, 5000, 1000]);
    expect(describe5000(store, playgroundStrings.en, en)).toBe(
      'Showing lines 5,001–6,000 of 6,000. The oldest 1,000 were dropped (the panel keeps the latest 5,000); search finds the rest.',
    );
    expect(describe5000(store, playgroundStrings['zh-cn'], zh)).toBe(
      '显示第 5,001–6,000 行，共 6,000 行。最早的 1,000 行已丢弃（面板只保留最近的 5,000 行）；搜索能找到其余的行。',
    );
  });

  test('with a filter, it says which of the matching lines are shown', () => {
    const store = storeWith(20_000, 20_000);
    const warnings = store.all().filter((line) => matches(line, { ...noFilter, level: 'warn' }));
    const window = logWindow(warnings, null);
    expect(describeLogWindow(window, store, true, playgroundStrings.en, en)).toBe('Showing matching lines 1,001–2,000 of 2,000.');
  });

  test('numbers restart at line 1 after Clear', () => {
    const store = storeWith(10);
    store.clear();
    expect(store.add({ time: 0, level: 'info', requestId: null, instanceId: null, message: 'again' }).seq).toBe(0);
    expect(store.written).toBe(1);
  });
});
