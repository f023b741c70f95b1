import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PlatformEvent } from '../../../playground/faas/platform-events.ts';
import type { PlatformListener } from '../../../playground/faas/platform.ts';
import { InstanceFigures } from '../../../playground/workshop/instance-figures.ts';

const MB = 1024 * 1024;

/** The one part of a platform the figures listen to: its events, sent here by hand. */
function eventSource() {
  const listeners = new Set<PlatformListener>();
  return {
    on(listener: PlatformListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: PlatformEvent) {
      for (const listener of listeners) listener(event);
    },
  };
}

const memory = (instanceId: string, tMs: number, bytes: number, functionName = 'leaky'): PlatformEvent => ({
  type: 'instance-metrics',
  time: tMs + 15_000,
  functionName,
  instanceId,
  sample: { tMs, heapUsed: bytes, ageMs: 15_000 },
});
const stoppedForMemory = (instanceId: string, time: number): PlatformEvent => ({
  type: 'instance-crashed',
  time,
  functionName: 'leaky',
  instanceId,
  reason: 'out-of-memory',
  error: { errorType: 'Runtime.OutOfMemory', errorMessage: 'memory limit 128 MB reached' },
});

afterEach(() => {
  vi.useRealTimers();
});

describe("an instance's memory after an invocation", () => {
  test('is the first figure measured at or after the invocation began, never one measured before it', async () => {
    const platform = eventSource();
    const figures = new InstanceFigures(platform, 'leaky');
    platform.emit(memory('i1', 900, 3 * MB));
    const waiting = figures.memoryAfter('i1', 1_000, 60_000);
    platform.emit(memory('i2', 1_200, 9 * MB));
    platform.emit(memory('i1', 1_100, 5 * MB, 'another-function'));
    platform.emit(memory('i1', 1_500, 7 * MB));
    platform.emit(memory('i1', 1_800, 8 * MB));
    await expect(waiting).resolves.toEqual({ instanceId: 'i1', bytes: 7 * MB });
  });

  test('is the figure the platform stopped the instance on, when it stopped it after the invocation began', async () => {
    const platform = eventSource();
    const figures = new InstanceFigures(platform, 'leaky');
    // Measured while the last requests still ran (begun at 900 ms), answered after them: over the limit.
    platform.emit(memory('i1', 900, 806 * MB));
    const waiting = figures.memoryAfter('i1', 1_000, 60_000);
    platform.emit(stoppedForMemory('i1', 16_000));
    await expect(waiting).resolves.toEqual({ instanceId: 'i1', bytes: 806 * MB, stoppedForMemory: true });
  });

  test('is not a figure of an instance stopped before the invocation began', async () => {
    vi.useFakeTimers();
    const platform = eventSource();
    const figures = new InstanceFigures(platform, 'leaky');
    platform.emit(memory('i1', 100, 200 * MB));
    platform.emit(stoppedForMemory('i1', 500));
    const waiting = figures.memoryAfter('i1', 1_000, 45_000);
    await vi.advanceTimersByTimeAsync(45_000);
    await expect(waiting).resolves.toBeUndefined();
  });

  test('is undefined when nothing came within the wait, and stops listening once closed', async () => {
    vi.useFakeTimers();
    const platform = eventSource();
    const figures = new InstanceFigures(platform, 'leaky');
    const waiting = figures.memoryAfter('i1', 1_000, 45_000);
    await vi.advanceTimersByTimeAsync(44_999);
    figures.close();
    platform.emit(memory('i1', 2_000, 1 * MB));
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toBeUndefined();
  });
});
