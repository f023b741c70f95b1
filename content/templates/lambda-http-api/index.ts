// An API Gateway HTTP API route with payload format 2.0: the request arrives as the event, and the returned
// { statusCode, headers, body } becomes the response.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
  const name = event.queryStringParameters?.name ?? 'world';
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hello: name, route: event.routeKey, remainingMs: context.getRemainingTimeInMillis() }),
  };
};
