import { formatAzureTrace, MINUTES_PER_DAY } from './azure-trace.ts';
import type { TraceRow } from './azure-trace.ts';
import { Random } from './random.ts';

/**
 * Makes the sample trace shipped in content/traces/: one day of five made-up functions in the Azure 2019 format,
 * each with a shape the paper describes (timers, diurnal HTTP, bursty queues, rarely used apps), so learners can
 * replay a trace without downloading the real one. A spec checks the shipped file is exactly this output.
 */
export function sampleTrace(seed = 2019): string {
  const random = new Random(seed);
  const day = (count: (minute: number) => number): number[] => Array.from({ length: MINUTES_PER_DAY }, (_, minute) => count(minute));
  const row = (name: string, trigger: string, counts: number[]): TraceRow => ({
    owner: 'sample-owner',
    app: `sample-app-${name}`,
    function: `sample-${name}`,
    trigger,
    countsPerMinute: counts,
  });
  return formatAzureTrace([
    row('hourly-report', 'timer', day((minute) => (minute % 60 === 0 ? 1 : 0))),
    row('five-minute-sync', 'timer', day((minute) => (minute % 5 === 0 ? 1 : 0))),
    // Busiest in the afternoon, quiet at night: 2 to 30 requests a minute.
    row('diurnal-api', 'http', day((minute) => poisson(random, 16 - 14 * Math.cos((2 * Math.PI * (minute - 180)) / MINUTES_PER_DAY)))),
    // A batch lands every half hour and drains over three minutes.
    row('bursty-queue', 'queue', day((minute) => (minute % 30 < 3 ? poisson(random, 120) : 0))),
    // Used a handful of times a day, at no particular time.
    row('rare-admin', 'http', day(() => (random.next() < 6 / MINUTES_PER_DAY ? 1 : 0))),
  ]);
}

/** A Poisson count (Knuth's method for small means, a rounded normal for large ones). */
function poisson(random: Random, mean: number): number {
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
