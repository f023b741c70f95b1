// 定时触发器每半小时运行一次这个函数，检查异常数据：下单很久之后仍处于待支付状态的订单。
// 它只输出告警日志，发邮件是另一个函数的事，这样邮件服务器再慢，也不会让这次检查超时。
interface TimerEvent {
  Type: string;
  TriggerName: string;
  Time: string;
  Message?: string;
}

// 模拟对订单数据库的一次查询。
const openOrders = [
  { orderId: 'SZ-01-7f3a21c0', storeId: 'SZ-01', status: 'awaiting-payment', placedAt: '2019-08-17T11:42:00Z' },
  { orderId: 'SZ-02-19b0d2e4', storeId: 'SZ-02', status: 'awaiting-payment', placedAt: '2019-08-17T12:21:00Z' },
  { orderId: 'GZ-05-a81c9f37', storeId: 'GZ-05', status: 'paid', placedAt: '2019-08-17T11:05:00Z' },
];

export const main_handler = async (event: TimerEvent) => {
  // 各处资料对 Type 的大小写说法不一（`Timer` 还是 `timer`），所以两种都接受。
  if (event.Type.toLowerCase() !== 'timer') throw new Error(`not a timer event: ${event.Type}`);
  const maxMinutes = Number(/maxPendingMinutes=(\d+)/.exec(event.Message ?? '')?.[1] ?? 30);
  // 用事件里的 Time 而不是当前时钟来算订单等了多久：这样即使晚跑了或者被重试，
  // 报告的结果也和按时运行时完全一样。
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
