// 数据库一次只接受二十个连接，所以函数一次最多只能运行二十个：超出的请求在门口就被限流，而不是进去之后失败。
// 调用方重试被限流的请求，每次等得更久，而且是随机的，这样重试会分散开，而不是在那二十个还在忙时一起涌来。
export const config = {
  reservedConcurrency: 20,
  retry: { attempts: 10, firstDelayMs: 100 },
};

const QUERY_MS = 100;

export const main_handler = async (event: { order: number; table: number }) => {
  await new Promise((resolve) => setTimeout(resolve, QUERY_MS));
  return { order: event.order, table: event.table, saved: true };
};
