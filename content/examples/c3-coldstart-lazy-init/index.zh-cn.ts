// 每次冷启动都会执行模块顶层代码，所以那里只该放每个请求都要用的东西。
// 下面这块很重，只有一部分请求用得到。
const instanceId = Math.random().toString(36).slice(2, 8);
let invocations = 0;

// 模拟一个很大的依赖（PDF 或图片处理库、庞大的 SDK），只有 `report` 请求才会用到。
let primes: Uint8Array | undefined;
let lazyInitMs: number | null = null;

function loadPrimes(): Uint8Array {
  if (primes === undefined) {
    const start = Date.now();
    const limit = 5_000_000;
    const composite = new Uint8Array(limit + 1);
    for (let i = 2; i * i <= limit; i++) {
      if (composite[i] === 0) {
        for (let j = i * i; j <= limit; j += i) composite[j] = 1;
      }
    }
    primes = composite;
    lazyInitMs = Date.now() - start;
  }
  return primes;
}

export const main_handler = async (event: { report?: boolean; n?: number }) => {
  invocations += 1;
  const start = Date.now();
  // 第一次用到时才加载，之后在这个实例的整个生命周期里一直保留，和在模块顶层加载的效果一样。
  const paidLazyInitNow = event.report === true && primes === undefined;
  let isPrime: boolean | null = null;
  if (event.report === true) {
    const table = loadPrimes();
    const n = event.n ?? 7919;
    isPrime = n >= 2 && n < table.length && table[n] === 0;
  }
  return {
    instanceId,
    coldStart: invocations === 1,
    invocation: invocations,
    report: event.report === true,
    isPrime,
    paidLazyInitNow,
    lazyInitMs,
    handlerMs: Date.now() - start,
  };
};
