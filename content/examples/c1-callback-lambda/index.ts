// Callback style: not async, so the result is whatever is passed to callback.
import type { Callback, Context } from 'aws-lambda';

interface HelloEvent {
  name?: string;
}

export const handler = (event: HelloEvent, context: Context, callback: Callback) => {
  const name = event.name ?? 'world';
  setTimeout(() => {
    // First argument is the error (null for success), second is the result.
    callback(null, { message: `Hello, ${name}!`, requestId: context.awsRequestId });
  }, 50);
};
