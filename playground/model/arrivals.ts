import { Cron } from 'croner';
import type { Random } from './random.ts';

/** How requests arrive, as plain data (for flags, the browser worker and sweeps). Rates are per second. */
export type ArrivalSpec =
  | { kind: 'poisson'; ratePerS: number }
  /** One request every `intervalS`, the first at `intervalS` (a renewal process started at 0, as SimFaaS does). */
  | { kind: 'constant'; intervalS: number }
  /** Poisson at `ratePerS` during `onS`, then silence for `offS`, repeating; starts with an on period. */
  | { kind: 'bursts'; ratePerS: number; onS: number; offS: number }
  /**
   * A timer trigger: SCF's 7 fields (second minute hour day month weekday year) or the standard 5. `start` is the
   * wall-clock date at virtual time 0 (the schedule needs a calendar); UTC.
   */
  | { kind: 'cron'; expression: string; start?: string }
  /**
   * Invocations per minute, as in the Azure Functions 2019 trace (1,440 columns per day); the day repeats when the
   * horizon is longer. Within a minute, arrivals fall at uniformly random moments (the trace does not say when).
   */
  | { kind: 'trace'; countsPerMinute: number[] };

export interface ArrivalProcess {
  /** Mean arrivals per second over a long run (for Little's law checks and progress); NaN when unknown. */
  readonly ratePerS: number;
  /** Virtual milliseconds of the first arrival after `afterMs`; Infinity when no more arrive. Call in time order. */
  next(afterMs: number, random: Random): number;
}

export const DEFAULT_CRON_START = '2024-01-01T00:00:00Z';

export function arrivals(spec: ArrivalSpec): ArrivalProcess {
  switch (spec.kind) {
    case 'poisson': {
      const meanGapMs = 1000 / positive(spec.ratePerS, 'arrival rate');
      return { ratePerS: spec.ratePerS, next: (after, random) => after + random.exponential(meanGapMs) };
    }
    case 'constant': {
      const gapMs = positive(spec.intervalS, 'arrival interval') * 1000;
      return { ratePerS: 1 / spec.intervalS, next: (after) => after + gapMs };
    }
    case 'bursts':
      return bursts(positive(spec.ratePerS, 'burst rate'), positive(spec.onS, 'burst length'), nonNegative(spec.offS, 'pause length'));
    case 'cron':
      return cron(spec.expression, spec.start ?? DEFAULT_CRON_START);
    case 'trace':
      return trace(spec.countsPerMinute);
  }
}

function bursts(ratePerS: number, onS: number, offS: number): ArrivalProcess {
  const onMs = onS * 1000;
  const cycleMs = onMs + offS * 1000;
  const meanGapMs = 1000 / ratePerS;
  return {
    ratePerS: (ratePerS * onS) / (onS + offS),
    next(after, random) {
      // Poisson arrivals are memoryless, so the gap is measured in "on" time only and pauses are skipped over.
      let remaining = random.exponential(meanGapMs);
      let t = after;
      for (;;) {
        const position = t % cycleMs;
        if (position < onMs) {
          const left = onMs - position;
          if (remaining <= left) return t + remaining;
          remaining -= left;
          t += left;
        } else {
          t += cycleMs - position;
        }
      }
    },
  };
}

function cron(expression: string, start: string): ArrivalProcess {
  const fields = expression.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 7) {
    throw new RangeError(`Cron "${expression}" has ${fields} fields; use SCF's 7 (second minute hour day month weekday year) or the standard 5`);
  }
  const origin = Date.parse(start);
  if (!Number.isFinite(origin)) throw new RangeError(`The cron start "${start}" is not a date`);
  let schedule: Cron;
  try {
    schedule = new Cron(expression, { timezone: 'UTC', paused: true });
  } catch (error) {
    throw new RangeError(`Cron "${expression}": ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    ratePerS: NaN,
    next(after) {
      const run = schedule.nextRun(new Date(origin + after));
      return run ? run.getTime() - origin : Infinity;
    },
  };
}

function trace(countsPerMinute: number[]): ArrivalProcess {
  const counts = Uint32Array.from(countsPerMinute, (count, i) => {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Trace minute ${i + 1}: ${count} is not a count of invocations`);
    return count;
  });
  const total = counts.reduce((sum, count) => sum + count, 0);
  let minute = -1;
  let offsets = new Float64Array(0);
  let used = 0;
  let taken = 0;
  return {
    ratePerS: counts.length === 0 ? NaN : total / (counts.length * 60),
    next(_after, random) {
      if (total === 0) return Infinity;
      while (used === taken) {
        minute++;
        const count = counts[minute % counts.length]!;
        if (offsets.length < count) offsets = new Float64Array(count);
        for (let i = 0; i < count; i++) offsets[i] = random.next() * 60_000;
        offsets.subarray(0, count).sort();
        taken = count;
        used = 0;
      }
      return minute * 60_000 + offsets[used++]!;
    },
  };
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`The ${what} must be a positive number, not ${value}`);
  return value;
}

function nonNegative(value: number, what: string): number {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`The ${what} must be zero or more, not ${value}`);
  return value;
}
