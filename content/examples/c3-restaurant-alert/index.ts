// A timer trigger runs this every half hour to look for abnormal data: orders
// still "awaiting payment" long after they were placed. It only logs the alert;
// sending the email is another function's job, so a slow mail server cannot
// make this check time out.
interface TimerEvent {
  Type: string;
  TriggerName: string;
  Time: string;
  Message?: string;
}

// Stands in for a query against the order database.
const openOrders = [
  { orderId: 'SZ-01-7f3a21c0', storeId: 'SZ-01', status: 'awaiting-payment', placedAt: '2019-08-17T11:42:00Z' },
  { orderId: 'SZ-02-19b0d2e4', storeId: 'SZ-02', status: 'awaiting-payment', placedAt: '2019-08-17T12:21:00Z' },
  { orderId: 'GZ-05-a81c9f37', storeId: 'GZ-05', status: 'paid', placedAt: '2019-08-17T11:05:00Z' },
];

export const main_handler = async (event: TimerEvent) => {
  // Sources disagree on the casing of Type ("Timer" vs "timer"), so accept both.
  if (event.Type.toLowerCase() !== 'timer') throw new Error(`not a timer event: ${event.Type}`);
  const maxMinutes = Number(/maxPendingMinutes=(\d+)/.exec(event.Message ?? '')?.[1] ?? 30);
  // Measure age against the event's Time, not the clock: a late or retried run
  // then reports exactly what the scheduled run would have.
  const now = Date.parse(event.Time);
  const stuck = openOrders.filter(
    (order) => order.status === 'awaiting-payment' && now - Date.parse(order.placedAt) > maxMinutes * 60_000,
  );
  for (const order of stuck) {
    console.warn(`ALERT ${order.orderId} at ${order.storeId} unpaid since ${order.placedAt}`);
  }
  console.log(`${event.TriggerName}: ${stuck.length} of ${openOrders.length} open orders need attention`);
  return { checkedAt: event.Time, stuck: stuck.map((order) => order.orderId), sendEmail: stuck.length > 0 };
};
