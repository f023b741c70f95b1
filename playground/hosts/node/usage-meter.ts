import { getHeapStatistics } from 'node:v8';
import type { UsageMeter } from '../../runtime/capabilities.ts';

const MB = 1024 * 1024;

/**
 * CPU and memory of one invocation, measured inside the worker thread (CPU of this thread only). Memory is read
 * when the handler finishes; the host polls the isolate while it runs and keeps the higher peak.
 */
export function nodeUsageMeter(): UsageMeter {
  let cpu = process.threadCpuUsage();
  return {
    begin() {
      cpu = process.threadCpuUsage();
    },
    end() {
      const used = process.threadCpuUsage(cpu);
      const stats = getHeapStatistics();
      return {
        maxMemoryMb: round((stats.used_heap_size + stats.external_memory) / MB),
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
