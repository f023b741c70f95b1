import { getHeapStatistics } from 'node:v8';
import type { UsageMeter } from '../../runtime/capabilities.ts';

const MB = 1024 * 1024;

/** Memory this worker's isolate holds: its JS heap plus the off-heap memory (Buffers, ArrayBuffers) it owns. */
export function isolateMemoryMb(): number {
  const stats = getHeapStatistics();
  return (stats.used_heap_size + stats.external_memory) / MB;
}

/** CPU and memory of one invocation, measured inside the worker thread (CPU of this thread only). */
export function nodeUsageMeter(sampleEveryMs = 10): UsageMeter {
  let cpu = process.threadCpuUsage();
  let peak = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    begin() {
      cpu = process.threadCpuUsage();
      peak = isolateMemoryMb();
      timer = setInterval(() => {
        peak = Math.max(peak, isolateMemoryMb());
      }, sampleEveryMs);
      timer.unref();
    },
    end() {
      clearInterval(timer);
      const used = process.threadCpuUsage(cpu);
      const heap = process.memoryUsage();
      const stats = getHeapStatistics();
      peak = Math.max(peak, isolateMemoryMb());
      return {
        maxMemoryMb: round(peak),
        cpuUserMs: round(used.user / 1000),
        cpuSystemMs: round(used.system / 1000),
        heapUsedMb: round(stats.used_heap_size / MB),
        heapTotalMb: round(stats.total_heap_size / MB),
        externalMb: round((heap.external + heap.arrayBuffers) / MB),
      };
    },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
