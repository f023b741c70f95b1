import type { PlatformEvent } from '../../faas/platform-events.ts';
import type { MetricSample } from '../../faas/protocol.ts';

/** How an instance's life ended, as the Monitor marks it. */
export type InstanceEnd = 'out-of-memory' | 'crashed' | 'timed-out' | 'reclaimed' | 'replaced' | 'init-failed';

export interface InstanceTrack {
  instanceId: string;
  startedAt: number;
  /** Started in place of an instance that had ended out of memory or crashed: a restart. */
  restart: boolean;
  endedAt?: number;
  end?: InstanceEnd;
  samples: MetricSample[];
}

/** A moment the charts mark with a vertical line: an instance starting, or being killed. */
export interface MonitorMark {
  time: number;
  instanceId: string;
  kind: 'start' | 'restart' | 'out-of-memory' | 'crashed' | 'timed-out';
}

/**
 * Every instance's metric samples and life events, as the platform reported them, for the Monitor panel. Fed all
 * the time (the panel's code loads only when it is opened); holds at most `maxSamples` per instance by merging
 * neighbouring samples, keeping the one with more heap, so a memory peak is never averaged away.
 */
export class MonitorStore {
  readonly tracks = new Map<string, InstanceTrack>();
  readonly marks: MonitorMark[] = [];
  /** Changes whenever something the charts show changes. */
  version = 0;
  readonly #maxSamples: number;
  /** Failed instances not yet replaced: each one makes the next start a restart. */
  #unreplaced = 0;

  constructor(maxSamples = 2000) {
    this.#maxSamples = maxSamples;
  }

  observe(event: PlatformEvent): void {
    switch (event.type) {
      case 'instance-starting': {
        const restart = this.#unreplaced > 0;
        if (restart) this.#unreplaced -= 1;
        this.tracks.set(event.instanceId, { instanceId: event.instanceId, startedAt: event.time, restart, samples: [] });
        this.marks.push({ time: event.time, instanceId: event.instanceId, kind: restart ? 'restart' : 'start' });
        break;
      }
      case 'instance-metrics': {
        const track = this.tracks.get(event.instanceId);
        if (!track) return;
        track.samples.push(event.sample);
        if (track.samples.length > this.#maxSamples) track.samples = halve(track.samples);
        break;
      }
      case 'instance-crashed': {
        const end: InstanceEnd = event.reason === 'out-of-memory' ? 'out-of-memory' : event.reason === 'timeout' ? 'timed-out' : 'crashed';
        this.#end(event.instanceId, event.time, end);
        this.#unreplaced += 1;
        this.marks.push({ time: event.time, instanceId: event.instanceId, kind: end });
        break;
      }
      case 'instance-timed-out':
        this.#end(event.instanceId, event.time, 'timed-out');
        break;
      case 'instance-reclaimed':
        this.#end(event.instanceId, event.time, event.cause === 'retired' ? 'replaced' : 'reclaimed');
        break;
      case 'init-error':
        this.#end(event.instanceId, event.time, 'init-failed');
        break;
      default:
        return;
    }
    this.version += 1;
  }

  /** The first moment anything was recorded: the charts' time zero. */
  firstTime(): number | undefined {
    let first: number | undefined;
    for (const track of this.tracks.values()) first = first === undefined ? track.startedAt : Math.min(first, track.startedAt);
    return first;
  }

  sampleCount(): number {
    let count = 0;
    for (const track of this.tracks.values()) count += track.samples.length;
    return count;
  }

  clear(): void {
    this.tracks.clear();
    this.marks.length = 0;
    this.#unreplaced = 0;
    this.version += 1;
  }

  #end(instanceId: string, time: number, end: InstanceEnd): void {
    const track = this.tracks.get(instanceId);
    if (!track || track.end !== undefined) return;
    track.endedAt = time;
    track.end = end;
  }
}

/** Pairs of neighbours become one: the one with the higher heap (the later one when neither has a heap figure). */
function halve(samples: MetricSample[]): MetricSample[] {
  const kept: MetricSample[] = [];
  for (let i = 0; i < samples.length; i += 2) {
    const a = samples[i] as MetricSample;
    const b = samples[i + 1];
    kept.push(b === undefined || (a.heapUsed ?? -1) > (b.heapUsed ?? -1) ? a : b);
  }
  return kept;
}
