import type { PlatformEvent } from '../../faas/platform-events.ts';
import type { CpuProfileRequest, ProfiledInvocation } from '../../hosts/node/cpu-profile.ts';
import type { CliIO } from '../io.ts';
import { InstanceMonitor } from './instance-monitor.ts';
import { writeMetricsFile } from './metrics-file.ts';
import type { MonitorChoice } from './monitor-flags.ts';
import { formatInvocationMonitor, formatLoadMonitor } from './monitor-report.ts';
import { reportProfile } from './profile-output.ts';

/**
 * What one `invoke` or `load` run watches, as the flags chose: the instances' samples (for --monitor and
 * --metrics) and one profiled request. Everything it prints goes to STDERR, so STDOUT keeps its one document.
 */
export class CommandWatch {
  readonly sampling: boolean;
  readonly profile: CpuProfileRequest | undefined;
  readonly #choice: MonitorChoice;
  readonly #monitor = new InstanceMonitor();
  readonly #invokeStarts = new Map<string, number>();
  #profiled: ProfiledInvocation | undefined;

  /** `warmOnly`: profile the first request that reaches an instance which has answered before. */
  constructor(choice: MonitorChoice, warmOnly: boolean) {
    this.#choice = choice;
    this.sampling = choice.sampling;
    let chosen = false;
    this.profile = choice.profileFile === undefined
      ? undefined
      : {
          wants: (_requestId, _instanceId, warm) => {
            if (chosen || (warmOnly && !warm)) return false;
            chosen = true;
            return true;
          },
          onProfile: (result) => {
            this.#profiled = result;
          },
        };
  }

  readonly onEvent = (event: PlatformEvent): void => {
    if (event.type === 'invoke-start') this.#invokeStarts.set(event.requestId, event.time);
    this.#monitor.observe(event);
  };

  /** After `invoke`: that invocation's samples, the metrics file, the profile. */
  reportInvocation(requestId: string, instanceId: string | null, bundle: string, io: CliIO): void {
    if (this.#choice.monitor && instanceId) {
      const started = this.#invokeStarts.get(requestId) ?? 0;
      const samples = this.#monitor.series().find((s) => s.instanceId === instanceId)?.samples.filter((s) => s.tMs >= started) ?? [];
      io.stderr(formatInvocationMonitor(instanceId, samples, started));
    }
    this.#finish(bundle, io, 'the request');
  }

  /** After `load`: every instance's peak, end and sparkline, the metrics file, the profile. */
  reportLoad(bundle: string, io: CliIO): void {
    if (this.#choice.monitor) io.stderr(formatLoadMonitor(this.#monitor.series()));
    this.#finish(bundle, io, 'the first warm request');
  }

  #finish(bundle: string, io: CliIO, which: string): void {
    const file = this.#choice.metricsFile;
    if (file !== undefined) {
      const rows = this.#monitor.samples();
      writeMetricsFile(file, rows);
      io.stderr(`Metrics: ${rows.length} samples written to ${file}\n`);
    }
    if (this.#choice.profileFile !== undefined) reportProfile(this.#profiled, this.#choice.profileFile, bundle, io, which);
  }
}
