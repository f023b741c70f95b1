import { describe, expect, test } from 'vitest';
import { runZeroDelayTimeoutsPromptly, type TimerScope } from '../../../playground/compiler/prompt-timeouts.ts';

/** A scope of its own whose timers are Node's, so the test's own globals stay untouched. */
function scope(): TimerScope {
  const own: TimerScope = {
    setTimeout: (handler, delay, ...args) => Number(setTimeout(handler as () => void, delay, ...args)),
    clearTimeout: (id) => clearTimeout(id),
  };
  runZeroDelayTimeoutsPromptly(own);
  return own;
}

describe('zero-delay timeouts in the compiler thread', () => {
  test('run after the current task, in the order asked, with their arguments', async () => {
    const timers = scope();
    const seen: string[] = [];
    await new Promise<void>((done) => {
      timers.setTimeout((word: string) => seen.push(word), 0, 'first');
      timers.setTimeout(() => seen.push('second'));
      timers.setTimeout(() => {
        seen.push('third');
        done();
      }, 0);
      seen.push('current task');
    });
    expect(seen).toEqual(['current task', 'first', 'second', 'third']);
  });

  test('can be cleared before they run, as can timeouts with a delay', async () => {
    const timers = scope();
    const seen: string[] = [];
    const cleared = timers.setTimeout(() => seen.push('cleared'), 0);
    const delayed = timers.setTimeout(() => seen.push('delayed'), 5);
    expect(cleared).toBeLessThan(0);
    expect(delayed).toBeGreaterThan(0);
    timers.clearTimeout(cleared);
    timers.clearTimeout(delayed);
    await new Promise<void>((done) => timers.setTimeout(() => setTimeout(done, 20), 0));
    expect(seen).toEqual([]);
  });
});
