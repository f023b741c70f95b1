import type { Platform } from '../faas/platform.ts';
import type { MemoryFigure } from './check-api.ts';

/** The figures the host reports for one function's instances (memory, and CPU time as invocations end), for the checks. */
export class InstanceFigures {
  readonly #figures: (MemoryFigure & { tMs: number })[] = [];
  /** Per instance, its thread's CPU time (µs) as each invocation ended, in order. */
  readonly #cpuAtEnd = new Map<string, { requestId: string; cpuUs: number }[]>();
  /** Clock time at which the platform stopped an instance for going over its memory setting. */
  readonly #stoppedForMemory = new Map<string, number>();
  readonly #waiting = new Set<() => void>();
  readonly #unsubscribe: () => void;

  constructor(platform: Pick<Platform, 'on'>, functionName: string) {
    this.#unsubscribe = platform.on((event) => {
      if (event.functionName !== functionName) return;
      if (event.type === 'instance-crashed' && event.reason === 'out-of-memory') this.#stoppedForMemory.set(event.instanceId, event.time);
      else if (event.type === 'instance-metrics') {
        const sample = event.sample;
        if (sample.heapUsed !== undefined) this.#figures.push({ instanceId: event.instanceId, tMs: sample.tMs, bytes: sample.heapUsed + (sample.external ?? 0) });
        if (sample.requestId !== undefined && sample.cpuUserUs !== undefined) {
          const ends = this.#cpuAtEnd.get(event.instanceId) ?? [];
          ends.push({ requestId: sample.requestId, cpuUs: sample.cpuUserUs + (sample.cpuSystemUs ?? 0) });
          this.#cpuAtEnd.set(event.instanceId, ends);
        }
      } else return;
      for (const wake of this.#waiting) wake();
    });
  }

  cpuTimeMs(instanceId: string, requestId: string): number | undefined {
    const ends = this.#cpuAtEnd.get(instanceId) ?? [];
    const index = ends.findIndex((end) => end.requestId === requestId);
    const [previous, current] = [ends[index - 1], ends[index]];
    return index > 0 && previous && current ? (current.cpuUs - previous.cpuUs) / 1000 : undefined;
  }

  /**
   * The first figure measured at or after `sinceMs`. A browser's measurement takes 10-20 s, so one begun while the
   * requests still ran can be the one that gets the instance stopped for its memory after them, and then no later
   * figure can come: the instance's last figure, the one the platform acted on, is the answer then.
   */
  memoryAfter(instanceId: string, sinceMs: number, waitMs: number): Promise<MemoryFigure | undefined> {
    const found = (): MemoryFigure | undefined => {
      const mine = this.#figures.filter((figure) => figure.instanceId === instanceId);
      const after = mine.find((figure) => figure.tMs >= sinceMs);
      if (after) return { instanceId, bytes: after.bytes };
      const stoppedAt = this.#stoppedForMemory.get(instanceId);
      const last = mine.at(-1);
      return stoppedAt !== undefined && stoppedAt >= sinceMs && last ? { instanceId, bytes: last.bytes, stoppedForMemory: true } : undefined;
    };
    const now = found();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = (figure: MemoryFigure | undefined) => {
        clearTimeout(timer);
        this.#waiting.delete(wake);
        resolve(figure);
      };
      const wake = () => {
        const figure = found();
        if (figure) done(figure);
      };
      const timer = setTimeout(() => done(undefined), waitMs);
      this.#waiting.add(wake);
    });
  }

  close(): void {
    this.#unsubscribe();
  }
}
