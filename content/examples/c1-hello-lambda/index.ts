// Lambda dialect: handler "index.handler", same idea, different names.
import type { Context } from 'aws-lambda';

interface HelloEvent {
  name?: string;
}

export const handler = async (event: HelloEvent, context: Context) => {
  const name = event.name ?? 'world';
  console.log(`greeting ${name} in request ${context.awsRequestId}`);
  return {
    message: `Hello, ${name}!`,
    requestId: context.awsRequestId,
    memoryMb: Number(context.memoryLimitInMB),
    msLeft: context.getRemainingTimeInMillis(),
  };
};
