// Every day at 02:00:00. SCF's cron has seven fields, seconds first and the year last:
// second 0, minute 0, hour 2, any day of the month, any month, any day of the week, any year.
export const SCHEDULE = '0 0 2 * * * *';

interface TimerEvent {
  Type: string;
  TriggerName: string;
  Time: string;
  Message?: string;
}

interface StoreDay {
  store: string;
  orders: number;
  unpaid: number;
}

const SALES: Record<string, StoreDay[]> = {
  '2026-11-22': [
    { store: 'SZ-01', orders: 412, unpaid: 0 },
    { store: 'SZ-02', orders: 367, unpaid: 0 },
    { store: 'GZ-05', orders: 298, unpaid: 0 },
  ],
  '2026-11-23': [
    { store: 'SZ-01', orders: 405, unpaid: 0 },
    { store: 'SZ-02', orders: 0, unpaid: 0 },
    { store: 'GZ-05', orders: 310, unpaid: 3 },
  ],
  '2026-11-24': [
    { store: 'SZ-01', orders: 398, unpaid: 0 },
    { store: 'SZ-02', orders: 351, unpaid: 0 },
    { store: 'GZ-05', orders: 305, unpaid: 0 },
  ],
  '2026-11-25': [
    { store: 'SZ-01', orders: 420, unpaid: 1 },
    { store: 'SZ-02', orders: 344, unpaid: 0 },
    { store: 'GZ-05', orders: 289, unpaid: 0 },
  ],
};

const dayBefore = (time: string) => new Date(Date.parse(time) - 86_400_000).toISOString().slice(0, 10);

/** A timer event in either spelling of Type, with a Time that parses. */
function isTimerEvent(event: unknown): event is TimerEvent {
  const candidate = event as Partial<TimerEvent> | null;
  return (
    typeof candidate?.Type === 'string' &&
    candidate.Type.toLowerCase() === 'timer' &&
    typeof candidate.Time === 'string' &&
    !Number.isNaN(Date.parse(candidate.Time))
  );
}

/** What is wrong with one day's figures, one sentence each; empty when the day looks normal. */
function anomaliesIn(day: string, figures: StoreDay[] | undefined): string[] {
  if (!figures || figures.length === 0) return [`no sales figures for ${day}: did the nightly import run?`];
  const found: string[] = [];
  for (const { store, orders, unpaid } of figures) {
    if (orders === 0) found.push(`${store} took no orders on ${day}`);
    if (unpaid > 0) found.push(`${store} has ${unpaid} unpaid order${unpaid === 1 ? '' : 's'} from ${day}`);
  }
  return found;
}

export const main_handler = async (event: unknown) => {
  // Wired to the wrong trigger is a configuration mistake: fail loudly instead of reporting on a made-up day.
  if (!isTimerEvent(event)) throw new Error('expected a timer event (Type "Timer" with a Time), got something else');
  // The day comes from the event, never from the clock: a late or retried run checks the same day.
  const day = dayBefore(event.Time);
  const anomalies = anomaliesIn(day, SALES[day]);
  if (anomalies.length === 0) {
    console.log(`${event.TriggerName}: ${day} looks normal, no alert`);
    return { day, alert: false, anomalies };
  }
  console.log(`ALERT ${day}: ${anomalies.join('; ')}`);
  return { day, alert: true, anomalies };
};
