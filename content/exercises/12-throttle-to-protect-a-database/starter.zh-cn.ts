// 食堂小程序收到的每个订单，都由这个函数写进一个只允许 20 个连接的数据库。
// 午餐时订单以每秒 200 个的速度到来，每个请求占用一个连接约 100 ms。
// 执行方法本身没有问题。请在 `config` 里选好设置，让以每秒 200 个的速度发出的 1,000 个订单满足：
// - 数据库打开的连接从不超过 20 个：执行方法运行期间占着一个连接；
// - 至少 99% 的订单最终成功。被平台限流的请求不会丢：调用方会按 `config.retry` 重新发送
//   （总共最多尝试 `attempts` 次；第 n + 1 次之前，随机等待 0 到 firstDelayMs × 2^(n − 1) 毫秒）。没有 `retry` 就只试一次。
// 不设 reservedConcurrency 时，函数可以用账号里未预留的并发，本练习中是 30。
export const config = {};

const QUERY_MS = 100;

export const main_handler = async (event: { order: number; table: number }) => {
  // 代表在数据库的一个连接上执行一次 INSERT。
  await new Promise((resolve) => setTimeout(resolve, QUERY_MS));
  return { order: event.order, table: event.table, saved: true };
};
