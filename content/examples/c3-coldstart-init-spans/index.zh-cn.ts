// 冷启动的各个步骤里，代码自己只能给最后一步计时。调度放置、沙箱、网络、代码下载和运行环境启动，
// 都发生在这个文件的第一行运行之前，这里的任何计时器都看不到它们。
const initStart = Date.now();
const instanceId = Math.random().toString(36).slice(2, 8);

// 模拟每个请求都要用到的初始化工作，比如解析配置、创建客户端。这里是一张 200,000 个用户的查找表。
const scores = new Map<string, number>();
for (let i = 0; i < 200_000; i++) scores.set(`user-${i}`, (i * 7919) % 1000);

const initializationMs = Date.now() - initStart;
let invocations = 0;

export const main_handler = async (event: { userId?: string }) => {
  const start = Date.now();
  invocations += 1;
  const userId = event.userId ?? 'user-42';
  const score = scores.get(userId) ?? null;
  const invocationMs = Date.now() - start;
  const coldStart = invocations === 1;
  // 名字和 SCF 接入 APM 后上报的 span 一致：只有承担了冷启动开销的那次调用才有 "initialization"。
  const spans = coldStart ? { initialization: initializationMs, invocation: invocationMs } : { invocation: invocationMs };
  return { instanceId, coldStart, invocation: invocations, userId, score, spans };
};
