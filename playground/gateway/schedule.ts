import { Cron } from 'croner';
import type { Dialect } from '../faas/protocol.ts';

/**
 * When a timer trigger fires, in a form croner can run: AWS `rate(5 minutes)` becomes a fixed interval from the
 * moment serve starts (as a rate rule counts from its creation); AWS `cron(min hour dom month dow year)` becomes
 * seven fields with seconds 0 and Sunday = 1 (croner's alternative weekdays); anything else, such as SCF's seven
 * fields `sec min hour dom month dow year` or a plain five-field cron, is read by croner as it is.
 */
export type Timing = { kind: 'every'; ms: number } | { kind: 'cron'; pattern: string; alternativeWeekdays: boolean };

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function timingOf(expression: string): Timing {
  const text = expression.trim();
  const rate = /^rate\((.*)\)$/i.exec(text);
  if (rate) return rateTiming(rate[1]!.trim(), expression);
  const aws = /^cron\((.*)\)$/i.exec(text);
  const timing = aws ? awsCron(aws[1]!.trim(), expression) : { kind: 'cron' as const, pattern: text, alternativeWeekdays: false };
  try {
    new Cron(timing.pattern, { paused: true, timezone: 'UTC', alternativeWeekdays: timing.alternativeWeekdays }).stop();
  } catch (error) {
    throw new ScheduleError(`"${expression}" is not a cron expression croner can read: ${(error as Error).message}`);
  }
  return timing;
}

function rateTiming(body: string, expression: string): Timing {
  const match = /^(\d+)\s+(minute|hour|day)s?$/i.exec(body);
  if (!match || Number(match[1]) < 1) throw new ScheduleError(`"${expression}" must be rate(N minutes|hours|days) with N a whole number of at least 1`);
  return { kind: 'every', ms: Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]! };
}

function awsCron(body: string, expression: string): Extract<Timing, { kind: 'cron' }> {
  const fields = body.split(/\s+/);
  if (fields.length !== 6) throw new ScheduleError(`"${expression}" must have six fields: cron(minutes hours day-of-month month day-of-week year)`);
  return { kind: 'cron', pattern: `0 ${fields.join(' ')}`, alternativeWeekdays: true };
}

/** The event a timer sends: the Framework's constant `input` when given, else the platform's own timer event. */
export function timerEvent(dialect: Dialect, triggerName: string, time: number, input: unknown): unknown {
  if (input !== undefined) return input;
  const iso = new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  if (dialect === 'scf') return { Type: 'Timer', TriggerName: triggerName, Time: iso, Message: '' };
  return {
    version: '0',
    id: `${triggerName}-${time}`,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: iso,
    region: 'us-east-1',
    resources: [`arn:aws:events:us-east-1:123456789012:rule/${triggerName}`],
    detail: {},
  };
}
