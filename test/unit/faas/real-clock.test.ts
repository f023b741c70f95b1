import { describe, expect, it } from 'vitest';
import { RealClock } from '../../../playground/faas/real-clock.ts';

describe('RealClock', () => {
  it('reads epoch milliseconds, so its times agree with Date', () => {
    const clock = new RealClock();
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before - 1);
    expect(now).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('fires timers in time order and never fires a cancelled one', async () => {
    const clock = new RealClock();
    const fired: string[] = [];
    const start = clock.now();
    clock.schedule(start + 20, () => fired.push('later'));
    clock.schedule(start + 5, () => fired.push('sooner'));
    const cancelled = clock.schedule(start + 10, () => fired.push('cancelled'));
    clock.cancel(cancelled);
    clock.cancel(cancelled);
    await new Promise<void>((resolve) => clock.schedule(start + 40, resolve));
    expect(fired).toEqual(['sooner', 'later']);
    expect(clock.pending).toBe(0);
  });

  it('fires a timer set in the past as soon as possible', async () => {
    const clock = new RealClock();
    await new Promise<void>((resolve) => clock.schedule(clock.now() - 1_000, resolve));
    expect(clock.pending).toBe(0);
  });
});
