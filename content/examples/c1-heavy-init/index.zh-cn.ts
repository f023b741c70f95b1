// 用来代替加载大型 SDK 或配置文件：这份工作只在初始化阶段做一次。
const initStart = Date.now();
const LIMIT = 5_000_000;
const composite = new Uint8Array(LIMIT + 1);
for (let i = 2; i * i <= LIMIT; i++) {
  if (composite[i] === 0) {
    for (let j = i * i; j <= LIMIT; j += i) composite[j] = 1;
  }
}
const initMs = Date.now() - initStart;
let served = 0;

export const main_handler = async (event: { n?: number }) => {
  served += 1;
  const n = event.n ?? 97;
  const isPrime = n >= 2 && n <= LIMIT && composite[n] === 0;
  // 每次热调用返回的 initMs 都一样：这笔开销只在冷启动时付过一次。
  return { n, isPrime, initMs, servedByThisInstance: served };
};
