// 函数账单里的资源使用费是配置内存乘以运行时间（单位 GBs），所以函数可以估算出自己这次的费用。
// 这只是估算：运行时长由平台自己计量，取整方式和免费额度也以平台为准。
interface ScfContext {
  request_id?: string;
  memory_limit_in_mb?: number;
}

interface BillEvent {
  // 模拟调用数据库或其他服务。
  waitMs?: number;
}

let invocations = 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const main_handler = async (event: BillEvent, context: ScfContext) => {
  const start = Date.now();
  invocations += 1;
  // 等待和计算一样计费：不管 CPU 在忙什么，整个调用期间实例的内存都被占着。
  await sleep(Math.min(Math.max(event.waitMs ?? 200, 0), 2000));
  const durationMs = Date.now() - start;
  const memoryMb = context.memory_limit_in_mb ?? 128;
  const gbSeconds = (memoryMb / 1024) * (durationMs / 1000);
  return {
    requestId: context.request_id,
    memoryMb,
    durationMs,
    gbSeconds: Number(gbSeconds.toPrecision(3)),
    // 两次调用之间，按量实例在这一项上不产生费用（闲置的预置并发实例照样计费）；分享里拿它和全天开着的服务器对比，
    // 说的正是这一点。
    invocationsOnThisInstance: invocations,
  };
};
