import { banner } from '/opt/format';

interface GatewayEvent {
  queryString?: Record<string, string>;
}

// 每个实例只执行一次：冷启动时付出这笔开销，之后的热调用直接复用。
const startedAt = new Date().toISOString();
let invocations = 0;

export const main_handler = async (event: GatewayEvent, context: { request_id: string }) => {
  invocations += 1;
  const name = event.queryString?.name ?? 'world';
  console.log(`request ${context.request_id}: greeting ${name}`);
  return {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      message: banner(`${process.env.GREETING ?? 'hello'}, ${name}`),
      instanceStartedAt: startedAt,
      invocationsOnThisInstance: invocations,
    }),
  };
};
