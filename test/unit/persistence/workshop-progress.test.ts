import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, PROGRESS_UNREADABLE_KEY, WorkshopProgress } from '../../../playground/ui/workshop/workshop-progress.ts';
import { MemoryStorage } from './fixtures.ts';

const when = new Date('2026-12-01T10:00:00Z');

describe('workshop progress', () => {
  it('starts with every exercise new', () => {
    const progress = new WorkshopProgress(new MemoryStorage());
    expect(progress.status('03-init-once')).toBe('new');
    expect(progress.get('03-init-once')).toEqual({});
    expect(progress.takeProblem()).toBeUndefined();
  });

  it('keeps the code a learner typed, for the next visit', () => {
    const storage = new MemoryStorage();
    new WorkshopProgress(storage).saveCode('03-init-once', 'const menu = loadMenu();');
    const later = new WorkshopProgress(storage);
    expect(later.get('03-init-once').code).toBe('const menu = loadMenu();');
    expect(later.status('03-init-once')).toBe('started');
  });

  it('remembers the first pass, and stays passed when the code is later broken or reset', () => {
    const progress = new WorkshopProgress(new MemoryStorage());
    progress.saveCode('01-hello-api-gateway', 'answer');
    progress.markPassed('01-hello-api-gateway', when);
    progress.markPassed('01-hello-api-gateway', new Date('2026-12-02T00:00:00Z'));
    progress.saveCode('01-hello-api-gateway', 'broken');
    expect(progress.get('01-hello-api-gateway')).toEqual({ code: 'broken', passedAt: when.toISOString() });
    progress.forgetCode('01-hello-api-gateway');
    expect(progress.get('01-hello-api-gateway')).toEqual({ passedAt: when.toISOString() });
    expect(progress.status('01-hello-api-gateway')).toBe('passed');
  });

  it('does not undo what another tab saved for another exercise', () => {
    const storage = new MemoryStorage();
    const tabA = new WorkshopProgress(storage);
    const tabB = new WorkshopProgress(storage);
    tabA.saveCode('01-hello-api-gateway', 'a');
    tabB.saveCode('02-know-your-event', 'b');
    tabA.saveCode('01-hello-api-gateway', 'a2');
    expect(new WorkshopProgress(storage).get('02-know-your-event').code).toBe('b');
  });

  it.each([
    ['not JSON', '{"exercises":', 'it is not valid JSON'],
    ['the wrong shape', '[1,2]', '"exercises" is missing or not an object'],
    ['code that is not text', JSON.stringify({ exercises: { '01-a': { code: 42 } } }), 'the code of "01-a" is not text'],
    ['a pass date that is no date', JSON.stringify({ exercises: { '01-a': { passedAt: 'yesterday' } } }), 'the pass date of "01-a" is not a date'],
    ['an id that is no exercise id', JSON.stringify({ exercises: { '../x': {} } }), '"../x" is not an exercise id'],
  ])('moves progress with %s aside, says why once, and starts afresh', (_, text, problem) => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, text);
    const progress = new WorkshopProgress(storage);
    expect(progress.status('01-a')).toBe('new');
    expect(progress.takeProblem()).toContain(problem);
    expect(progress.takeProblem()).toBeUndefined();
    expect(storage.getItem(PROGRESS_UNREADABLE_KEY)).toBe(text);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    progress.saveCode('01-a', 'fresh');
    expect(new WorkshopProgress(storage).get('01-a').code).toBe('fresh');
  });

  it('reports a refused write instead of throwing, and refuses code too large to keep', () => {
    const storage = new MemoryStorage();
    const progress = new WorkshopProgress(storage);
    storage.full = true;
    expect(progress.saveCode('03-init-once', 'x')).toMatch(/quota/);
    storage.full = false;
    expect(progress.saveCode('03-init-once', 'x'.repeat(600_000))).toMatch(/at most 524288 are kept/);
    expect(progress.status('03-init-once')).toBe('new');
  });
});
