// Callback style: not async, so the result is whatever is passed to callback.
interface HelloEvent {
  name?: string;
}

type Callback = (error: Error | null, result?: unknown) => void;

export const main_handler = (event: HelloEvent, context: { request_id?: string }, callback: Callback) => {
  const name = event.name ?? 'world';
  setTimeout(() => {
    // First argument is the error (null for success), second is the result.
    callback(null, { message: `Hello, ${name}!`, requestId: context.request_id });
  }, 50);
};
