import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

export const hello: APIGatewayProxyHandlerV2 = async (event, context) => {
  const name = event.queryStringParameters?.name ?? 'world';
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hello: name, stage: process.env.STAGE, remainingMs: context.getRemainingTimeInMillis() }),
  };
};

// Sleeps longer than its 1 s timeout (serverless.yml): invoke it to see a timeout and the REPORT line.
export const slow: APIGatewayProxyHandlerV2 = async () => {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { statusCode: 200, body: 'too late' };
};
