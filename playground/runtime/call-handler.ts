export type Handler = (event: unknown, context: unknown, callback: Callback) => unknown;
export type Callback = (error?: unknown, value?: unknown) => void;

/**
 * Calls a handler in whichever style it was written:
 * - async, or returning a promise: the promise's outcome;
 * - taking a callback (three parameters): the first `callback(err, value)` call (later calls are ignored);
 *   if it never calls back, the invocation runs until its timeout, as a real platform would wait;
 * - plain and synchronous (fewer than three parameters): its return value (undefined becomes null).
 * `context.done/succeed/fail`, the legacy Lambda calls, settle the invocation too.
 */
export function callHandler(handler: Handler, event: unknown, context: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback: Callback = (error, value) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(value);
    };
    context.done = callback;
    context.succeed = (value: unknown) => callback(null, value);
    context.fail = (error: unknown) => callback(error ?? new Error('context.fail() called'));
    let returned: unknown;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      callback(error ?? new Error(`handler threw ${String(error)}`));
      return;
    }
    if (isThenable(returned)) {
      returned.then(
        (value) => callback(null, value),
        (error: unknown) => callback(error ?? new Error(`handler rejected with ${String(error)}`)),
      );
    } else if (handler.length < 3) {
      callback(null, returned ?? null);
    }
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
