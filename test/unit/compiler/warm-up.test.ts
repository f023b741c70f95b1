import { describe, expect, test } from 'vitest';
import type { CompileResult } from '../../../playground/compiler/browser-protocol.ts';
import type { FunctionSources } from '../../../playground/compiler/options.ts';
import { CompilerBuilds, QUIET_MS, WARM_UP_BUILDS, type WarmUpClock } from '../../../playground/compiler/warm-up.ts';

const ok: CompileResult = { ok: true, warnings: [], bundle: 'module.exports = {};' } as CompileResult;
const failed: CompileResult = { ok: false, diagnostics: [{ file: 'index.ts', line: 1, column: 1, message: 'Expected ";"' }] };
const project: FunctionSources = { entry: 'index.ts', files: { 'index.ts': 'export const handler = async () => 1;', 'data.json': '{}' } };

/** A clock that moves only when the test says, waking the sleepers that are due. */
class TestClock implements WarmUpClock {
  time = 0;
  #sleepers: Array<{ at: number; wake(): void }> = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.#sleepers.push({ at: this.time + ms, wake }));
  }

  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.#sleepers.filter((sleeper) => sleeper.at <= this.time);
    this.#sleepers = this.#sleepers.filter((sleeper) => sleeper.at > this.time);
    for (const sleeper of due) sleeper.wake();
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
}

/** Builds that answer at once with `answer(sources)`, or when the test releases them (`held`). */
function builds(answer: (sources: FunctionSources) => CompileResult = () => ok) {
  const seen: FunctionSources[] = [];
  const held: Array<() => void> = [];
  let holding = false;
  const build = (sources: FunctionSources) => {
    seen.push(sources);
    if (!holding) return Promise.resolve(answer(sources));
    return new Promise<CompileResult>((resolve) => held.push(() => resolve(answer(sources))));
  };
  return { seen, held, build, hold: (on: boolean) => (holding = on) };
}

describe('the compiler worker warm-up', () => {
  test('builds the page\'s own project, edited a little each time, until the budget of builds is spent', async () => {
    const clock = new TestClock();
    const { seen, build } = builds();
    const result = await new CompilerBuilds(build, clock).warmUp(project);
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(WARM_UP_BUILDS);
    const entries = seen.map((sources) => sources.files['index.ts']);
    expect(new Set(entries).size).toBe(WARM_UP_BUILDS);
    for (const sources of seen) {
      expect(sources.files['index.ts']?.startsWith(project.files['index.ts']!)).toBe(true);
      expect(sources.files['data.json']).toBe('{}');
    }
    expect(project.files['index.ts']).toBe('export const handler = async () => 1;');
  });

  test('waits while a user compile runs and until pages have been quiet a while, and an invoke pushes it back', async () => {
    const clock = new TestClock();
    const { seen, held, build, hold } = builds();
    const compiler = new CompilerBuilds(build, clock);
    hold(true);
    const users = compiler.compile(project);
    void compiler.warmUp(project);
    await settle();
    expect(seen).toHaveLength(1);
    await clock.advance(QUIET_MS * 3);
    expect(seen).toHaveLength(1);
    held.shift()?.();
    await users;
    await clock.advance(QUIET_MS - 1);
    compiler.active();
    await clock.advance(QUIET_MS - 1);
    expect(seen).toHaveLength(1);
    await clock.advance(1);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.files['index.ts']).not.toBe(project.files['index.ts']);
  });

  test('counts the user\'s builds: after a busy session it builds only what the budget has left', async () => {
    const clock = new TestClock();
    const { seen, build } = builds();
    const compiler = new CompilerBuilds(build, clock);
    for (let edit = 0; edit < WARM_UP_BUILDS - 3; edit++) await compiler.compile(project);
    const warmUp = compiler.warmUp(project);
    await clock.advance(QUIET_MS);
    for (let step = 0; step < 5; step++) await clock.advance(0);
    await warmUp;
    expect(seen).toHaveLength(WARM_UP_BUILDS);
  });

  test('warms with a handler of its own when the page\'s code does not build, and stops if that fails too', async () => {
    const clock = new TestClock();
    const own = builds((sources) => (sources.files['data.json'] ? failed : ok));
    await new CompilerBuilds(own.build, clock).warmUp(project);
    expect(own.seen).toHaveLength(WARM_UP_BUILDS);
    expect(own.seen.slice(1).every((sources) => !('data.json' in sources.files) && 'lib/cart.ts' in sources.files)).toBe(true);

    const nothing = builds(() => failed);
    const result = await new CompilerBuilds(nothing.build, clock).warmUp(project);
    expect(result.ok).toBe(false);
    expect(nothing.seen).toHaveLength(2);
  });

  test('is one warm-up however many pages ask', async () => {
    const clock = new TestClock();
    const { seen, build } = builds();
    const compiler = new CompilerBuilds(build, clock);
    const [first, second] = [compiler.warmUp(project), compiler.warmUp()];
    expect(second).toBe(first);
    await first;
    expect(seen).toHaveLength(WARM_UP_BUILDS);
  });
});
