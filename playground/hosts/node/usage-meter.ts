import { getHeapStatistics } from 'node:v8';
import type { UsageMeter } from '../../runtime/capabilities.ts';

const MB = 1024 * 1024;

/** Memory this worker's isolate holds: its JS heap plus the off-heap memory (Buffers, ArrayBuffers) it owns. */
export function isolateMemoryMb(): number {
  const stats = getHeapStatistics();
  return (stats.used_heap_size + stats.external_memory) / MB;
}

/**
 * CPU and memory of one invocation, measured inside the worker thread (CPU of this thread only). Memory is read
 * at the start and the end; the host polls the isolate while the handler runs and keeps the higher peak.
 */
export function nodeUsageMeter(): UsageMeter {
  let cpu = process.threadCpuUsage();
  let atStart = 0;
  return {
    begin() {
      cpu = process.threadCpuUsage();
      atStart = isolateMemoryMb();
    },
    end() {
      const used = process.threadCpuUsage(cpu);
      const stats = getHeapStatistics();
      return {
        maxMemoryMb: round(Math.max(atStart, (stats.used_heap_size + stats.external_memory) / MB)),
        cpuUserMs: round(used.user / 1000),
        cpuSystemMs: round(used.system / 1000),
        heapUsedMb: round(stats.used_heap_size / MB),
        heapTotalMb: round(stats.total_heap_size / MB),
        externalMb: round(stats.external_memory / MB),
      };
    },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
