// A nightly check fired by a timer trigger. It derives "yesterday" from the
// event's Time, not from the clock, so a retried or late run still checks
// the same day and can use that day as an idempotency key.
interface TimerEvent {
  Type: string;
  TriggerName: string;
  Time: string;
  Message?: string;
}

const ordersByStore: Record<string, Record<string, number>> = {
  '2019-08-17': { 'SZ-01': 412, 'SZ-02': 0, 'SZ-03': 388 },
};

export const main_handler = async (event: TimerEvent) => {
  // Docs disagree on the casing of Type ("Timer" vs "timer"): accept both.
  if (event.Type.toLowerCase() !== 'timer') throw new Error(`not a timer event: ${event.Type}`);
  const day = new Date(Date.parse(event.Time) - 86_400_000).toISOString().slice(0, 10);
  const orders = ordersByStore[day] ?? {};
  const silentStores = Object.keys(orders).filter((store) => orders[store] === 0);
  console.log(`${event.TriggerName} fired at ${event.Time}, checking ${day}`);
  if (silentStores.length > 0) console.log(`would email: no orders from ${silentStores.join(', ')}`);
  return { day, silentStores, email: silentStores.length > 0 };
};
