import { getHeapStatistics } from 'node:v8';
import type { UsageMeter } from '../../runtime/capabilities.ts';
import { writeEndFigures } from './end-figures.ts';

const MB = 1024 * 1024;

/**
 * CPU and memory of one invocation, measured inside the worker thread (CPU of this thread only). Memory is read
 * when the handler finishes; the host's sampler reads it while the handler runs and keeps the higher peak. With
 * `endFigures`, the same reads (and the thread's CPU time since it started) are left there for the host's
 * end-of-invocation sample.
 */
export function nodeUsageMeter(endFigures?: SharedArrayBuffer): UsageMeter {
  let cpu = process.threadCpuUsage();
  return {
    begin() {
      cpu = process.threadCpuUsage();
    },
    end() {
      const now = process.threadCpuUsage();
      const stats = getHeapStatistics();
      if (endFigures) {
        writeEndFigures(endFigures, {
          heapUsed: stats.used_heap_size,
          heapTotal: stats.total_heap_size,
          heapLimit: stats.heap_size_limit,
          external: stats.external_memory,
          cpuUserUs: now.user,
          cpuSystemUs: now.system,
        });
      }
      return {
        maxMemoryMb: round((stats.used_heap_size + stats.external_memory) / MB),
        cpuUserMs: round((now.user - cpu.user) / 1000),
        cpuSystemMs: round((now.system - cpu.system) / 1000),
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
