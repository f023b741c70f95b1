import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, CORRUPT_KEY, ProjectAutosave } from '../../../playground/ui/persistence/autosave.ts';
import { MemoryStorage, sampleProject } from './fixtures.ts';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restores nothing when nothing was saved', () => {
    expect(new ProjectAutosave(new MemoryStorage()).restore()).toEqual({ status: 'none' });
  });

  it('restores the project saved before a run', () => {
    const storage = new MemoryStorage();
    const project = sampleProject('lambda');
    new ProjectAutosave(storage).flush(project);
    expect(new ProjectAutosave(storage).restore()).toEqual({ status: 'restored', project });
  });

  it('saves typing once, after a quiet moment, with the latest text', () => {
    const storage = new MemoryStorage();
    const autosave = new ProjectAutosave(storage, 400);
    const project = sampleProject();
    autosave.schedule({ ...project, event: '{"a":1}' });
    vi.advanceTimersByTime(200);
    autosave.schedule({ ...project, event: '{"a":2}' });
    vi.advanceTimersByTime(399);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '{}').event).toBe('{"a":2}');
  });

  it.each([
    ['text that is not JSON', '{"entry": "index.ts", "fil', 'it is not valid JSON'],
    ['JSON that is not a project', JSON.stringify({ entry: 'index.ts', files: { 'index.ts': 1 } }), 'the file "index.ts" is not text'],
  ])('detects a save holding %s, keeps it aside and resets', (_, saved, problem) => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, saved);
    expect(new ProjectAutosave(storage).restore()).toEqual({ status: 'corrupt', problem });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(storage.getItem(CORRUPT_KEY)).toBe(saved);
  });

  it('reports a write the browser refuses instead of failing the run', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(new ProjectAutosave(storage).flush(sampleProject())).toContain('QuotaExceededError');
  });
});
