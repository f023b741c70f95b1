// 一个只增不减的“缓存”。每次调用都在模块作用域里留下约 1 MB，而且从来不淘汰，
// 所以同一个实例每次热调用占用的内存都比上一次多，直到实例内存耗尽。
const retained: Array<{ userId: string; page: string; body: number[] }> = [];

// 用来代替渲染好的页面：131,072 个 8 字节的数字，约 1 MB。
const render = (page: string) => new Array<number>(131_072).fill(page.length + 0.5);

function heapUsedMb(): number | undefined {
  // Node.js 报告的是真实的堆大小；浏览器的 Worker 测不了（演练场的替代实现返回 0），
  // 所以在那里只打印估算值。
  const heapUsed = typeof process.memoryUsage === 'function' ? process.memoryUsage().heapUsed : 0;
  return heapUsed > 0 ? Math.round(heapUsed / 1e5) / 10 : undefined;
}

export const main_handler = async (event: { userId: string; page: string }) => {
  // bug 就在这里：这个数组没有任何约束（没有键，不限大小，也不过期）。
  retained.push({ userId: event.userId, page: event.page, body: render(event.page) });
  const cacheMb = retained.length;
  const heapMb = heapUsedMb();
  console.log(`invocation ${retained.length}: cache ~${cacheMb} MB` + (heapMb === undefined ? '' : `, heapUsed ${heapMb} MB`));
  return { invocations: retained.length, cacheMb, heapUsedMb: heapMb ?? null };
};
