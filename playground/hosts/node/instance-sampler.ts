import type { EventLoopUtilization } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { MetricSample } from '../../faas/protocol.ts';
import type { EndFigures } from './end-figures.ts';

export interface SamplerOptions {
  /** Milliseconds between samples while the instance runs code. */
  intervalMs: number;
  /** False: memory is still checked against the limit on every tick, but no sample is reported. */
  report: boolean;
  /** Heap plus off-heap bytes past which the instance is out of memory. */
  limitBytes: number;
  /** The platform's clock, for the samples' `tMs`. */
  now(): number;
  onSample(sample: MetricSample): void;
  onOverLimit(): void;
}

/**
 * The one sampler of an instance: the memory limit check and the runtime metrics come from the same reads.
 * Every interval source is per thread and read from the host side, so a handler spinning in a synchronous loop is still
 * measured (V8 answers heap and CPU requests through an interrupt) and can still be stopped at its limit:
 * `worker.getHeapStatistics()` (heap used/total/limit and external memory, which includes ArrayBuffers),
 * `worker.cpuUsage()` (the thread's CPU time) and `worker.performance.eventLoopUtilization()`.
 * Array buffers alone are left absent: the only per-thread figure is process.memoryUsage() inside the worker,
 * which needs the worker's own event loop (blocked by a busy handler) and costs ~10 µs per read.
 *
 * Ticks run only while the instance runs code (init or an invocation), as a frozen Lambda execution
 * environment reports nothing between invocations; an idle instance costs nothing.
 */
export class InstanceSampler {
  readonly #worker: Worker;
  readonly #options: SamplerOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #busy = false;
  #stopped = false;
  #peakBytes = 0;
  #lastElu: EventLoopUtilization | undefined;

  constructor(worker: Worker, options: SamplerOptions) {
    this.#worker = worker;
    this.#options = options;
  }

  /** The highest heap + external bytes seen so far. */
  get peakBytes(): number {
    return this.#peakBytes;
  }

  /**
   * Starts ticking when the instance begins running code. The timer outlives one invocation and stops itself
   * after a tick with nothing running, so back-to-back invocations share it.
   */
  running(active: boolean): void {
    this.#busy = active;
    if (!active || this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => {
      if (!this.#busy) return this.#stopTimer();
      this.#take();
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  /**
   * One sample at the end of an invocation, marked with its request, from the figures the worker read as the
   * handler finished (see end-figures.ts), so it costs the invocation no round trip.
   */
  invocationEnded(requestId: string, figures: EndFigures | undefined): void {
    this.#busy = false;
    if (!figures || this.#stopped) return;
    if (this.#overLimit(figures.heapUsed + figures.external) || !this.#options.report) return;
    this.#options.onSample({ tMs: this.#options.now(), ...figures, ...this.#eventLoop(), requestId });
  }

  /** The instance is ending: nothing more is read or reported, including reads already on their way. */
  stop(): void {
    this.#stopped = true;
    this.#busy = false;
    this.#stopTimer();
  }

  #stopTimer(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #take(): void {
    const report = this.#options.report;
    Promise.all([this.#worker.getHeapStatistics(), report ? this.#worker.cpuUsage() : undefined]).then(([heap, cpu]) => {
      if (this.#stopped) return;
      if (this.#overLimit(heap.used_heap_size + heap.external_memory) || !report) return;
      const sample: MetricSample = {
        tMs: this.#options.now(),
        heapUsed: heap.used_heap_size,
        heapTotal: heap.total_heap_size,
        heapLimit: heap.heap_size_limit,
        external: heap.external_memory,
        ...(cpu ? { cpuUserUs: cpu.user, cpuSystemUs: cpu.system } : {}),
        ...this.#eventLoop(),
      };
      this.#options.onSample(sample);
    }, () => undefined);
  }

  /** Keeps the peak; true (and the instance told) when `used` is past the limit. */
  #overLimit(used: number): boolean {
    this.#peakBytes = Math.max(this.#peakBytes, used);
    if (used <= this.#options.limitBytes) return false;
    this.#options.onOverLimit();
    return true;
  }

  #eventLoop(): { elu?: number } {
    const now = this.#worker.performance.eventLoopUtilization();
    const since = this.#lastElu;
    this.#lastElu = now;
    const delta = since ? this.#worker.performance.eventLoopUtilization(now, since) : now;
    return delta.idle + delta.active > 0 ? { elu: delta.utilization } : {};
  }
}
