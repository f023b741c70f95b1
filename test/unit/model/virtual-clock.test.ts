import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../playground/model/virtual-clock.ts';

describe('VirtualClock', () => {
  it('fires timers in time order, same-time timers in the order they were scheduled, and moves time only as it fires', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.schedule(30, () => fired.push(`c@${clock.now()}`));
    clock.schedule(10, () => fired.push(`a@${clock.now()}`));
    clock.schedule(20, () => fired.push(`b1@${clock.now()}`));
    clock.schedule(20, () => fired.push(`b2@${clock.now()}`));
    expect(clock.now()).toBe(0);
    clock.runUntil(Infinity);
    expect(fired).toEqual(['a@10', 'b1@20', 'b2@20', 'c@30']);
    expect(clock.fired).toBe(4);
  });

  it('keeps the heap order over many random timers, including ones scheduled while firing', () => {
    const clock = new VirtualClock();
    const times: number[] = [];
    let spawned = 0;
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      clock.schedule(next() * 1000, () => {
        times.push(clock.now());
        if (spawned++ < 500) clock.schedule(clock.now() + next() * 100, () => times.push(clock.now()));
      });
    }
    clock.runUntil(Infinity);
    expect(times.length).toBe(2500);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('skips cancelled timers, and cancelling twice or after firing does nothing', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    const a = clock.schedule(5, () => fired.push(5));
    clock.schedule(6, () => fired.push(6));
    clock.cancel(a);
    clock.cancel(a);
    clock.runUntil(Infinity);
    clock.cancel(a);
    expect(fired).toEqual([6]);
  });

  it('runUntil stops before the end time (or at it when inclusive) and leaves the clock at the end time', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    for (const t of [10, 20, 30]) clock.schedule(t, () => fired.push(t));
    clock.runUntil(20);
    expect([fired, clock.now()]).toEqual([[10], 20]);
    clock.runUntil(20, true);
    expect(fired).toEqual([10, 20]);
    expect(clock.runUntil(100, false, 0)).toBe(false);
    expect(fired).toEqual([10, 20]);
  });

  it('fires a timer scheduled in the past at the current time, never earlier', () => {
    const clock = new VirtualClock();
    clock.runUntil(50);
    let at = -1;
    clock.schedule(10, () => (at = clock.now()));
    clock.runUntil(Infinity);
    expect(at).toBe(50);
  });

  it('fires the events of a followed stream among the timers, each after a timer due at the same moment, and only before the end time', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const times = [10, 20, 30, 40];
    const stream = {
      nextAt: times.shift()!,
      fire() {
        fired.push(`s${this.nextAt}@${clock.now()}`);
        // A timer due at the event's own moment fires before the stream's next event.
        if (this.nextAt === 10) clock.schedule(clock.now(), () => fired.push(`t10-now@${clock.now()}`));
        this.nextAt = times.shift() ?? Infinity;
      },
    };
    clock.schedule(20, () => fired.push(`t20@${clock.now()}`));
    clock.schedule(25, () => fired.push(`t25@${clock.now()}`));
    clock.follow(stream);
    clock.runUntil(40);
    expect(fired).toEqual(['s10@10', 't10-now@10', 't20@20', 's20@20', 't25@25', 's30@30']);
    expect(clock.now()).toBe(40);
    clock.runUntil(40, true);
    expect(fired.at(-1)).toBe('s40@40');
  });
});
