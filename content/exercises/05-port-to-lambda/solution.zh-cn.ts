import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
  console.log(`request ${context.awsRequestId} for ${event.rawPath}`);
  const name = event.queryStringParameters?.name ?? 'world';
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ hello: name }),
  };
};
