import { extname } from 'node:path';
import { UsageError } from '../usage-error.ts';
import { metricsFormat } from './metrics-file.ts';

/** Flags of the commands that can watch their instances (node:util parseArgs). */
export const MONITOR_OPTIONS = {
  monitor: { type: 'boolean' },
  metrics: { type: 'string' },
  profile: { type: 'string' },
} as const;

export function monitorOptionsHelp(profiled: string): string {
  return `  --monitor              print each instance's runtime metrics on STDERR (heap, CPU, event-loop use)
  --metrics FILE         write every metrics sample to FILE: JSON Lines (.jsonl) or CSV (.csv)
  --profile FILE         CPU-profile ${profiled} in the instance's worker thread; writes FILE
                         (.cpuprofile, opens in Chrome DevTools or speedscope) and prints the top functions`;
}

export interface MonitorChoice {
  monitor: boolean;
  metricsFile?: string;
  profileFile?: string;
  /** Whether the instances must report samples at all. */
  sampling: boolean;
}

export function monitorFromFlags(values: { monitor?: boolean | undefined; metrics?: string | undefined; profile?: string | undefined }): MonitorChoice {
  if (values.metrics !== undefined) metricsFormat(values.metrics);
  if (values.profile !== undefined && extname(values.profile).toLowerCase() !== '.cpuprofile') {
    throw new UsageError(`--profile writes a .cpuprofile file (the name DevTools and speedscope recognise); got "${values.profile}"`);
  }
  const monitor = values.monitor === true;
  return {
    monitor,
    ...(values.metrics === undefined ? {} : { metricsFile: values.metrics }),
    ...(values.profile === undefined ? {} : { profileFile: values.profile }),
    sampling: monitor || values.metrics !== undefined,
  };
}
