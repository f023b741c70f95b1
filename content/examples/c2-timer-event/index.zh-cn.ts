// 由定时触发器触发的夜间检查。“昨天”是根据事件里的 Time 算出来的，而不是读当前时钟，
// 所以重试或推迟的运行检查的仍是同一天，这一天也就可以用作幂等键。
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
  // 各份文档对 Type 大小写的写法不一致（`Timer` 和 `timer`），两种都接受。
  if (event.Type.toLowerCase() !== 'timer') throw new Error(`not a timer event: ${event.Type}`);
  const day = new Date(Date.parse(event.Time) - 86_400_000).toISOString().slice(0, 10);
  const orders = ordersByStore[day] ?? {};
  const silentStores = Object.keys(orders).filter((store) => orders[store] === 0);
  console.log(`${event.TriggerName} fired at ${event.Time}, checking ${day}`);
  if (silentStores.length > 0) console.log(`would email: no orders from ${silentStores.join(', ')}`);
  return { day, silentStores, email: silentStores.length > 0 };
};
