import { describe, expect, test } from 'vitest';
import { LogStore, matches, noFilter } from '../../../playground/ui/logs/log-store.ts';

describe('the log panel store', () => {
  const store = new LogStore(3);
  store.add({ time: 1, level: 'info', requestId: null, instanceId: 'i1', message: 'init done' });
  store.add({ time: 2, level: 'info', requestId: 'r1', instanceId: 'i1', message: 'Hello World' });
  store.add({ time: 3, level: 'error', requestId: 'r2', instanceId: 'i2', message: 'boom' });
  store.add({ time: 4, level: 'warn', requestId: 'r2', instanceId: 'i2', message: 'careful' });

  test('keeps the newest lines and counts what it dropped', () => {
    expect(store.all().map((line) => line.message)).toEqual(['Hello World', 'boom', 'careful']);
    expect(store.dropped).toBe(1);
  });

  test('filters by level, request, instance and text', () => {
    const lines = store.all();
    expect(lines.filter((l) => matches(l, { ...noFilter, level: 'error' })).map((l) => l.message)).toEqual(['boom']);
    expect(lines.filter((l) => matches(l, { ...noFilter, requestId: 'r2' }))).toHaveLength(2);
    expect(lines.filter((l) => matches(l, { ...noFilter, instanceId: 'i1' }))).toHaveLength(1);
    expect(lines.filter((l) => matches(l, { ...noFilter, text: 'hello' })).map((l) => l.message)).toEqual(['Hello World']);
    expect(store.requestIds()).toEqual(['r1', 'r2']);
  });
});
