import type { PlatformEvent } from '../../faas/platform-events.ts';
import type { MetricSample } from '../../faas/protocol.ts';
import type { InstanceSample } from './metrics-file.ts';

/** One instance's life as the monitor saw it: its samples in order and how it ended. */
export interface InstanceSeries {
  instanceId: string;
  samples: MetricSample[];
  /** Why it ended, in words; absent while it lives. */
  end?: string;
  outOfMemory: boolean;
}

/** Listens to a platform's events and keeps every instance's samples and its end, in start order. */
export class InstanceMonitor {
  readonly #series = new Map<string, InstanceSeries>();

  observe(event: PlatformEvent): void {
    switch (event.type) {
      case 'instance-starting':
        this.#series.set(event.instanceId, { instanceId: event.instanceId, samples: [], outOfMemory: false });
        return;
      case 'instance-metrics':
        this.#get(event.instanceId).samples.push(event.sample);
        return;
      case 'init-error':
        this.#ended(event.instanceId, `init failed (${event.error.errorType})`);
        return;
      case 'instance-timed-out':
        this.#ended(event.instanceId, `timed out on ${event.requestId}`);
        return;
      case 'instance-reclaimed':
        this.#ended(event.instanceId, event.cause === 'shutdown' ? 'alive until the run ended' : `reclaimed (${event.cause})`);
        return;
      case 'instance-crashed': {
        const series = this.#get(event.instanceId);
        if (event.reason === 'out-of-memory') series.outOfMemory = true;
        const detail = event.error ? `: ${event.error.errorType}` : '';
        this.#ended(event.instanceId, event.reason === 'out-of-memory' ? `killed out of memory${detail}` : `crashed (${event.reason})${detail}`);
        return;
      }
      default:
    }
  }

  series(): InstanceSeries[] {
    return [...this.#series.values()];
  }

  /** Every sample of every instance, in the order they were taken. */
  samples(): InstanceSample[] {
    return this.series()
      .flatMap((s) => s.samples.map((sample) => ({ instance: s.instanceId, sample })))
      .sort((a, b) => a.sample.tMs - b.sample.tMs);
  }

  #get(instanceId: string): InstanceSeries {
    let series = this.#series.get(instanceId);
    if (!series) {
      series = { instanceId, samples: [], outOfMemory: false };
      this.#series.set(instanceId, series);
    }
    return series;
  }

  #ended(instanceId: string, end: string): void {
    const series = this.#get(instanceId);
    series.end ??= end;
  }
}
