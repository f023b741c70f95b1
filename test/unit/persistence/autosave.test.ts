import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from '../../../playground/ui/persistence/autosave.ts';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves typing once, after a quiet moment, with the latest text', () => {
    const written: string[] = [];
    const autosave = new Autosave<string>((text) => written.push(text), 400);
    autosave.schedule('{"a":1}');
    vi.advanceTimersByTime(200);
    autosave.schedule('{"a":2}');
    vi.advanceTimersByTime(399);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(['{"a":2}']);
  });

  it('saves at once before a run, and the waiting save does not follow later', () => {
    const written: string[] = [];
    const autosave = new Autosave<string>((text) => written.push(text), 400);
    autosave.schedule('typed');
    autosave.flush('as run');
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['as run']);
  });

  it('saves what is waiting when the page is hidden, and nothing when nothing is', () => {
    const written: string[] = [];
    const autosave = new Autosave<string>((text) => written.push(text), 400);
    autosave.flush();
    autosave.schedule('typed');
    autosave.flush();
    expect(written).toEqual(['typed']);
  });
});
