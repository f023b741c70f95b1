import { Cron } from 'croner';
import type { Dialect } from '../../faas/protocol.ts';
import { ScheduleError, timingOf } from '../../gateway/schedule.ts';
import type { Timing } from '../../gateway/schedule.ts';
import { UsageError } from '../usage-error.ts';

/** A timer trigger of one function, as the project file declares it. */
export interface TimerTrigger {
  functionName: string;
  dialect: Dialect;
  /** A name for the trigger's events and log lines. */
  name: string;
  expression: string;
  input?: unknown;
}

export interface RunningSchedules {
  stop(): void;
}

/**
 * Fires every enabled timer trigger on the real clock while serve runs. AWS cron expressions are in UTC, as
 * EventBridge reads them; other crons use this machine's time zone.
 */
export function startSchedules(triggers: TimerTrigger[], fire: (trigger: TimerTrigger, time: number) => void): RunningSchedules {
  const timings = triggers.map((trigger) => ({ trigger, timing: readTiming(trigger) }));
  const stops = timings.map(({ trigger, timing }) => {
    if (timing.kind === 'every') {
      const interval = setInterval(() => fire(trigger, Date.now()), timing.ms);
      return () => clearInterval(interval);
    }
    const job = new Cron(timing.pattern, { alternativeWeekdays: timing.alternativeWeekdays, ...(timing.alternativeWeekdays ? { timezone: 'UTC' } : {}) }, () => fire(trigger, Date.now()));
    return () => job.stop();
  });
  return {
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}

function readTiming(trigger: TimerTrigger): Timing {
  try {
    return timingOf(trigger.expression);
  } catch (error) {
    if (error instanceof ScheduleError) throw new UsageError(`${trigger.functionName}: ${error.message}`);
    throw error;
  }
}
