// 每天 02:00:00。云函数的 Cron 表达式是七字段，秒在最前，年在最后：
// 第 0 秒、第 0 分、2 点、每天、每月、星期不限、年份不限。
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

/** 定时器事件：Type 两种写法都算，Time 要能解析。 */
function isTimerEvent(event: unknown): event is TimerEvent {
  const candidate = event as Partial<TimerEvent> | null;
  return (
    typeof candidate?.Type === 'string' &&
    candidate.Type.toLowerCase() === 'timer' &&
    typeof candidate.Time === 'string' &&
    !Number.isNaN(Date.parse(candidate.Time))
  );
}

/** 某一天的数据有哪些问题，每个问题一句话；那天正常时返回空列表。 */
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
  // 接错了触发器是配置错误：明明白白地失败，而不是对一个凭空算出来的日期出报告。
  if (!isTimerEvent(event)) throw new Error('expected a timer event (Type "Timer" with a Time), got something else');
  // 日期取自事件，绝不读时钟：晚启动或被重试的运行检查的仍是同一天。
  const day = dayBefore(event.Time);
  const anomalies = anomaliesIn(day, SALES[day]);
  if (anomalies.length === 0) {
    console.log(`${event.TriggerName}: ${day} looks normal, no alert`);
    return { day, alert: false, anomalies };
  }
  console.log(`ALERT ${day}: ${anomalies.join('; ')}`);
  return { day, alert: true, anomalies };
};
