// Lambda 的写法：执行方法是 `index.handler`，思路一样，只是名字不同。
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
