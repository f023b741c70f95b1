// 定时触发器每晚 02:00 运行这个函数，检查前一天的数据：每家门店接了多少单，日终时还有多少单没付款。
// 现在它每晚都告警，结果已经没人看这些告警了。让它只在确实有问题时才出声：
// - 要检查的是事件 Time 的前一天（下面的代码已经算好了），当天的数据在 SALES 里。
// - 异常指：某家门店一单都没接、某家门店有未付款的订单，或者那一天压根没有数据。
// - 有异常时：打印一行以 `ALERT` 开头的日志，并返回
//     { day, alert: true, anomalies: [<每个异常一句话，写明门店>] }
//   没有数据的那一天算一个异常，它的那句话要写出缺的是哪一天（例如 2026-11-26）。
//   否则不打印 ALERT，返回 { day, alert: false, anomalies: [] }。
// - 只有定时器应该调用这个函数。其他事件（HTTP 请求、文件上传）一律以错误结束，错误信息要说明期望的是定时器事件。
//   各处资料里 Type 字段有 `Timer` 和 `timer` 两种写法：两种都要接受。

// 触发器的 Cron 表达式。云函数从触发器的配置里读取它，而不是从这个文件里读。
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

// 代替销售数据库：每天、每家门店的数据。保持原样，不要修改。
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

/** 在 `time` 触发的运行要报告的日期：它的前一天（按 UTC 写法的日期）。 */
const dayBefore = (time: string) => new Date(Date.parse(time) - 86_400_000).toISOString().slice(0, 10);

export const main_handler = async (event: TimerEvent) => {
  const day = dayBefore(event.Time);
  const figures = SALES[day] ?? [];
  const lines = figures.map((figure) => `${figure.store}: ${figure.orders} orders, ${figure.unpaid} unpaid`);
  console.log(`ALERT daily report for ${day}: ${lines.join('; ')}`);
  return { day, alert: true, anomalies: lines };
};
