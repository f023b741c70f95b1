import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { whenSettled } from '../../../src/service-worker/when-settled.ts';

/** The page's performance timeline, reduced to what whenSettled observes: entries arriving, by type. */
class Timeline {
  readonly observers: { types: string[]; callback: () => void; connected: boolean }[] = [];
  emit(type: string): void {
    for (const observer of this.observers) if (observer.connected && observer.types.includes(type)) observer.callback();
  }
}

let timeline: Timeline;
let loadListeners: (() => void)[];

beforeEach(() => {
  vi.useFakeTimers();
  timeline = new Timeline();
  loadListeners = [];
  const page = timeline;
  vi.stubGlobal(
    'PerformanceObserver',
    class {
      static readonly supportedEntryTypes = ['resource', 'longtask', 'paint'];
      readonly #entry = { types: [] as string[], callback: () => undefined as void, connected: true };
      constructor(callback: () => void) {
        this.#entry.callback = callback;
        page.observers.push(this.#entry);
      }
      observe({ type }: { type: string }): void {
        this.#entry.types.push(type);
      }
      disconnect(): void {
        this.#entry.connected = false;
      }
    },
  );
  vi.stubGlobal('document', { readyState: 'loading' });
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
    if (type === 'load') loadListeners.push(listener);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The page's load, then the 4 s after it in which the playground may still start Monaco unasked (main-thread.ts). */
function loadAndFirstLongIdle(): void {
  (document as { readyState: string }).readyState = 'complete';
  for (const listener of loadListeners) listener();
  vi.advanceTimersByTime(4000);
}

describe('a page settles before its service worker is registered', () => {
  test('nothing runs before the load and its first long idle moment, then only after 3 s without a fetch or a long task', () => {
    const run = vi.fn();
    whenSettled(run);
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();

    loadAndFirstLongIdle();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    timeline.emit('resource');
    vi.advanceTimersByTime(2000);
    timeline.emit('longtask');
    vi.advanceTimersByTime(2999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledOnce();
  });

  test('other kinds of entries do not hold it back', () => {
    const run = vi.fn();
    (document as { readyState: string }).readyState = 'complete';
    whenSettled(run);
    vi.advanceTimersByTime(4000 + 1500);
    timeline.emit('paint');
    vi.advanceTimersByTime(1500);
    expect(run).toHaveBeenCalledOnce();
  });

  test('a page that never goes quiet still gets it 30 s after its first long idle moment, once', () => {
    const run = vi.fn();
    whenSettled(run);
    loadAndFirstLongIdle();
    for (let second = 0; second < 29; second++) {
      vi.advanceTimersByTime(1000);
      timeline.emit('resource');
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledOnce();
    timeline.emit('resource');
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledOnce();
  });
});
