import type { FunctionConfig } from '../../../playground/faas/function-config.ts';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import type { PlatformOptions } from '../../../playground/faas/platform.ts';
import type { PlatformEvent } from '../../../playground/faas/platform-events.ts';
import { FakeHost } from './fake-host.ts';
import type { FakeFunction } from './fake-host.ts';
import { ManualClock } from './manual-clock.ts';

/** A platform on a manual clock and a fake host, recording every event and finished record. */
export function fixture(functions: Record<string, FakeFunction>, options: Partial<PlatformOptions> = {}) {
  const clock = new ManualClock();
  const host = new FakeHost(clock, functions);
  const platform = new Platform({ clock, host, ...options });
  const events: PlatformEvent[] = [];
  const records: InvocationRecord[] = [];
  platform.on((e) => events.push(e));
  platform.onComplete((r) => records.push(r));
  return {
    clock,
    host,
    platform,
    events,
    records,
    /** Submits a request now and returns its (eventually finished) record. */
    send(name: string, event: unknown = {}): InvocationRecord {
      return platform.submit(name, event);
    },
    eventsOf<T extends PlatformEvent['type']>(type: T): Extract<PlatformEvent, { type: T }>[] {
      return events.filter((e): e is Extract<PlatformEvent, { type: T }> => e.type === type);
    },
  };
}

export function fn(name: string, overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return { name, dialect: 'lambda', exportName: 'handler', bundle: '', memoryMb: 128, timeoutS: 3, ...overrides };
}
