import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

export const hello: APIGatewayProxyHandlerV2 = async (event, context) => {
  const name = event.queryStringParameters?.name ?? 'world';
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hello: name, stage: process.env.STAGE, remainingMs: context.getRemainingTimeInMillis() }),
  };
};

// 等待时间超过它 1 s 的超时时间（见 serverless.yml）：调用它，就能看到超时和那行 REPORT 日志。
export const slow: APIGatewayProxyHandlerV2 = async () => {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { statusCode: 200, body: 'too late' };
};
