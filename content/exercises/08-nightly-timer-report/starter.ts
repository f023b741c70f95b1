// A timer trigger runs this function every night at 02:00. It checks the day before: how many orders each store
// took, and how many of them were still unpaid when the day closed. Right now it raises an alert every night, so
// nobody reads the alerts any more. Make it speak up only when something is wrong:
// - The day to check is the day before the event's Time (the code below already works it out). Its figures are in
//   SALES.
// - An anomaly is a store that took no orders, a store with unpaid orders, or a day with no figures at all.
// - When there are anomalies: log one line that starts with "ALERT" and return
//     { day, alert: true, anomalies: [<one sentence per anomaly, naming the store>] }
//   A day with no figures is one anomaly, and its sentence names the missing day (such as 2026-11-26).
//   Otherwise log no ALERT line and return { day, alert: false, anomalies: [] }.
// - Only a timer should call this function. Any other event (an HTTP request, an upload) must fail with an error
//   that says a timer event was expected. Sources spell the Type field "Timer" and "timer": accept both.

// The trigger's cron expression. SCF reads it from the trigger's configuration, not from this file.
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

// Stands in for the sales database: each day's figures, per store. Leave it as it is.
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

/** The day a run at `time` reports on: the calendar day (as written in UTC) before it. */
const dayBefore = (time: string) => new Date(Date.parse(time) - 86_400_000).toISOString().slice(0, 10);

export const main_handler = async (event: TimerEvent) => {
  const day = dayBefore(event.Time);
  const figures = SALES[day] ?? [];
  const lines = figures.map((figure) => `${figure.store}: ${figure.orders} orders, ${figure.unpaid} unpaid`);
  console.log(`ALERT daily report for ${day}: ${lines.join('; ')}`);
  return { day, alert: true, anomalies: lines };
};
