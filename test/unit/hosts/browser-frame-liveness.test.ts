import { describe, expect, test } from 'vitest';
import { FrameLiveness } from '../../../playground/hosts/browser/frame-liveness.ts';

const options = { intervalMs: 250, deadAfterMs: 2000, missedBeats: 6 };

/** Pings every `intervalMs` from `from` to `to`, answering none; returns the time the frame was first judged dead. */
function silence(liveness: FrameLiveness, from: number, to: number): number | undefined {
  for (let t = from; t <= to; t += options.intervalMs) {
    if (liveness.isDead(t)) return t;
    liveness.ping(t);
  }
  return undefined;
}

describe('telling a dead sandbox frame from a live one', () => {
  test('a frame that answers every ping lives on', () => {
    const liveness = new FrameLiveness(options);
    for (let t = 0; t < 60_000; t += options.intervalMs) {
      expect(liveness.isDead(t)).toBe(false);
      liveness.pong(liveness.ping(t));
    }
  });

  test('a frame that stops answering is dead about deadAfterMs after its last answer', () => {
    const liveness = new FrameLiveness(options);
    for (let t = 0; t < 5000; t += options.intervalMs) liveness.pong(liveness.ping(t));
    const deadAt = silence(liveness, 5000, 10_000);
    expect(deadAt).toBeDefined();
    expect(deadAt! - 5000).toBeGreaterThanOrEqual(options.deadAfterMs);
    expect(deadAt! - 5000).toBeLessThanOrEqual(options.deadAfterMs + 2 * options.intervalMs);
  });

  test('one answer to a later ping vouches for the earlier ones', () => {
    const liveness = new FrameLiveness(options);
    for (let t = 0; t < 1750; t += options.intervalMs) liveness.ping(t);
    const last = liveness.ping(1750);
    liveness.pong(last);
    expect(liveness.isDead(2500)).toBe(false);
  });

  test('a page whose timers were held back (a background tab, a frozen page) is not judged on one late tick', () => {
    const liveness = new FrameLiveness(options);
    liveness.ping(0);
    // The next tick comes a minute later; the frame's answer is still on its way.
    expect(liveness.isDead(60_000)).toBe(false);
    const n = liveness.ping(60_000);
    liveness.pong(n);
    expect(liveness.isDead(60_250)).toBe(false);
  });

  test('answers to pings never sent are ignored', () => {
    const liveness = new FrameLiveness(options);
    liveness.pong(99);
    expect(silence(liveness, 0, 3000)).toBeDefined();
  });
});
