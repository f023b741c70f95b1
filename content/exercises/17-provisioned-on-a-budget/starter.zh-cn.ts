// 食堂的点餐函数。每个工作日 12:00 午餐铃一响，两分钟内涌进 1,800 个订单；在此之前的半小时里，每分钟只有几个订单。
// 冷启动的请求要 2 秒，热启动的约 0.1 秒。
// 执行方法本身没有问题。请在 `config` 里选好它的设置，让它在模型模式下跑午餐时段的流量（11:30 到 12:30）时：
// - p99 延迟不超过 250 ms，并且
// - 空闲实例占用的内存不超过 10,000 GBs（每个实例 512 MB），
// 种子 1、2、3 都要满足。检查读取 provisionedConcurrency（默认 0）和 keepAliveS（默认 600）。
export const config = {
  provisionedConcurrency: 0,
  keepAliveS: 600,
};

export const main_handler = async (event: { table: number; dishes: string[] }) => {
  return { table: event.table, accepted: event.dishes.length };
};
