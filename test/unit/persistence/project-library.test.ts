import { describe, expect, it } from 'vitest';
import { LIBRARY_KEY, ProjectLibrary, SINGLE_PROJECT_KEY, UNREADABLE_PREFIX } from '../../../playground/ui/persistence/project-library.ts';
import { MemoryStorage, sampleProject } from './fixtures.ts';

/** What the one-project playground (before the project list) kept under hello-serverless:project:v1, as it wrote it. */
const singleProjectSave = JSON.stringify({
  entry: 'index.ts',
  files: {
    'index.ts': "import { greet } from './greet';\nexport const main_handler = async (event: unknown) => greet('Ada');\n",
    'greet.ts': "export const greet = (name: string) => `hello ${name}`;\n",
  },
  settings: { dialect: 'scf', exportName: 'main_handler', memoryMb: 256, timeoutS: 7, maxConcurrency: 10, keepAliveS: 60, provisionedConcurrency: 0, env: { GREETING: '你好' } },
  event: '{ "kept": true }',
});

function ids(): () => string {
  let next = 0;
  return () => `p${(next += 1)}`;
}

function clock(start = 1_000): { now: () => number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

function openLibrary(storage: MemoryStorage, time = clock()) {
  return ProjectLibrary.open(storage, { firstName: 'My project', now: time.now, newId: ids() });
}

describe('the project library', () => {
  it("finds today's one saved project as the first project in the list, and moves it there", () => {
    const storage = new MemoryStorage();
    storage.setItem(SINGLE_PROJECT_KEY, singleProjectSave);
    const { library, problems } = openLibrary(storage);
    expect(problems).toEqual([]);
    expect(library.list()).toHaveLength(1);
    const first = library.current();
    expect(first?.name).toBe('My project');
    expect(first?.project).toEqual(JSON.parse(singleProjectSave));
    expect(storage.getItem(SINGLE_PROJECT_KEY)).toBeNull();
    expect(openLibrary(storage).library.current()?.project).toEqual(JSON.parse(singleProjectSave));
  });

  it('keeps the one-project save where it is when the library cannot be written', () => {
    const storage = new MemoryStorage();
    storage.setItem(SINGLE_PROJECT_KEY, singleProjectSave);
    storage.full = true;
    expect(openLibrary(storage).library.current()?.name).toBe('My project');
    expect(storage.getItem(SINGLE_PROJECT_KEY)).toBe(singleProjectSave);
  });

  it.each([
    ['text that is not JSON', '{"entry": "index.ts", "fil', 'it is not valid JSON'],
    ['JSON that is not a project', JSON.stringify({ entry: 'index.ts', files: { 'index.ts': 1 } }), 'the file "index.ts" is not text'],
  ])('reports a one-project save holding %s and keeps its text aside', (_, saved, problem) => {
    const storage = new MemoryStorage();
    storage.setItem(SINGLE_PROJECT_KEY, saved);
    const { library, problems } = openLibrary(storage);
    expect(problems).toEqual([{ problem, keptUnder: `${UNREADABLE_PREFIX}1970-01-01T00:00:01.000Z` }]);
    expect(storage.getItem(`${UNREADABLE_PREFIX}1970-01-01T00:00:01.000Z`)).toBe(saved);
    expect(storage.getItem(SINGLE_PROJECT_KEY)).toBeNull();
    expect(library.list()).toEqual([]);
  });

  it('opens the readable projects of a partly damaged library, reports the others and keeps the whole text aside', () => {
    const storage = new MemoryStorage();
    const good = { id: 'a', name: 'Good', editedAt: 5, project: sampleProject() };
    const text = JSON.stringify({ version: 2, current: 'b', projects: [good, { id: 'b', name: 'Bad', editedAt: 6, project: { entry: 'x.ts', files: {} } }] });
    storage.setItem(LIBRARY_KEY, text);
    const { library, problems } = openLibrary(storage);
    expect(library.list().map((saved) => saved.name)).toEqual(['Good']);
    expect(library.current()?.id).toBe('a');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem).toBe('project 2: the project has no files');
    expect(storage.getItem(problems[0]?.keptUnder ?? '')).toBe(text);
  });

  it('never drops the text of an unreadable library: it is kept aside and the list starts empty', () => {
    const storage = new MemoryStorage();
    storage.setItem(LIBRARY_KEY, '{"projects": 3}');
    const { library, problems } = openLibrary(storage);
    expect(library.list()).toEqual([]);
    expect(problems.map((found) => found.problem)).toEqual(['"projects" is missing or not a list']);
    expect(storage.getItem(problems[0]?.keptUnder ?? '')).toBe('{"projects": 3}');
    expect(storage.getItem(LIBRARY_KEY)).toBeNull();
  });

  it('adds, renames, duplicates and removes projects, and a reload finds them as they were left', () => {
    const storage = new MemoryStorage();
    const time = clock();
    const { library } = openLibrary(storage, time);
    const mine = library.add('Mine', sampleProject());
    time.advance(10);
    const example = library.add('Example', sampleProject('lambda'));
    expect(library.current()?.id).toBe(example.id);
    expect(library.rename(mine.id, '  Renamed\n one ')).toBe(true);
    expect(library.rename(mine.id, '   ')).toBe(false);
    const copy = library.duplicate(mine.id, 'Copy of Renamed one');
    expect(copy?.project).toEqual(mine.project);
    expect(library.current()?.id).toBe(example.id);
    library.remove(example.id);
    expect(library.write()).toBeUndefined();

    const reopened = openLibrary(storage).library;
    expect(reopened.list().map((saved) => saved.name).sort()).toEqual(['Copy of Renamed one', 'Renamed one']);
    expect(reopened.current()?.name).toBe('Copy of Renamed one');
  });

  it('moves "last edited" only when the project changed', () => {
    const time = clock();
    const { library } = openLibrary(new MemoryStorage(), time);
    const saved = library.add('One', sampleProject());
    time.advance(60_000);
    // Whether anything changed is what decides if a save before a run writes storage at all.
    expect(library.update(saved.id, sampleProject())).toBe(false);
    expect(library.get(saved.id)?.editedAt).toBe(1_000);
    expect(library.update(saved.id, { ...sampleProject(), event: '{}' })).toBe(true);
    expect(library.get(saved.id)?.editedAt).toBe(61_000);
    expect(library.list()[0]?.id).toBe(saved.id);
  });

  it('finds a project already kept with the same content, whatever its name', () => {
    const { library } = openLibrary(new MemoryStorage());
    const saved = library.add('Example', sampleProject('lambda'));
    library.add('Other', sampleProject());
    expect(library.find(sampleProject('lambda'))?.id).toBe(saved.id);
    expect(library.find({ ...sampleProject('lambda'), event: '{}' })).toBeUndefined();
    const { files, settings } = sampleProject('lambda');
    const reordered = { ...sampleProject('lambda'), files: Object.fromEntries(Object.entries(files).reverse()), settings: Object.fromEntries(Object.entries(settings).reverse()) as typeof settings };
    expect(library.find(reordered)?.id).toBe(saved.id);
  });

  it('keeps a project another tab added meanwhile, and does not bring back one this tab removed', () => {
    const storage = new MemoryStorage();
    const first = ProjectLibrary.open(storage, { firstName: 'x', newId: () => 'tab1' }).library;
    first.add('Shared', sampleProject());
    first.write();
    const second = ProjectLibrary.open(storage, { firstName: 'x', newId: () => 'tab2' }).library;
    second.add('From tab 2', sampleProject('lambda'));
    second.write();
    first.remove('tab1');
    first.write();
    expect(openLibrary(storage).library.list().map((saved) => saved.name)).toEqual(['From tab 2']);
  });

  it('reports a write the browser refuses', () => {
    const storage = new MemoryStorage();
    const { library } = openLibrary(storage);
    library.add('One', sampleProject());
    storage.full = true;
    expect(library.write()).toContain('QuotaExceededError');
  });
});
