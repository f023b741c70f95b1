export type Handler = (event: unknown, context: unknown, callback: Callback) => unknown;
export type Callback = (error?: unknown, value?: unknown) => void;

/**
 * Calls a handler in whichever style it was written:
 * - async, or returning a promise: the promise's outcome;
 * - taking a callback (three parameters): the first `callback(err, value)` call (later calls are ignored);
 *   if it never calls back, the invocation runs until its timeout, as a real platform would wait;
 * - plain and synchronous (fewer than three parameters): its return value (undefined becomes null).
 * `context.done/succeed/fail`, the legacy Lambda calls, settle the invocation too.
 * After `callback(...)` the answer waits for the event loop to empty (timers, sockets still open), as on Lambda
 * and SCF, unless the handler set `context.callbackWaitsForEmptyEventLoop = false`; `drain` is how the host waits.
 */
export function callHandler(handler: Handler, event: unknown, context: Record<string, unknown>, drain?: () => Promise<void>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const answer = (error: unknown, value: unknown, waits: boolean): void => {
      if (answered) return;
      answered = true;
      const finish = (): void => (error !== undefined && error !== null ? reject(error) : resolve(value));
      if (waits && drain !== undefined && context.callbackWaitsForEmptyEventLoop !== false) void drain().then(finish);
      else finish();
    };
    const settle = (error: unknown, value: unknown): void => answer(error, value, false);
    const callback: Callback = (error, value) => answer(error, value, true);
    context.done = settle;
    context.succeed = (value: unknown) => settle(null, value);
    context.fail = (error: unknown) => settle(error ?? new Error('context.fail() called'), undefined);
    let returned: unknown;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      settle(error ?? new Error(`handler threw ${String(error)}`), undefined);
      return;
    }
    if (isThenable(returned)) {
      returned.then(
        (value) => settle(null, value),
        (error: unknown) => settle(error ?? new Error(`handler rejected with ${String(error)}`), undefined),
      );
    } else if (handler.length < 3) {
      settle(null, returned ?? null);
    }
  });
}

/**
 * Lambda's Node.js 24 and later runtimes refuse, at init, a handler that takes a callback (three parameters); the
 * declared runtime reaches the instance as AWS_EXECUTION_ENV.
 */
export function refusedCallbackHandler(executionEnv: string | undefined, handler: Handler): { errorType: string; errorMessage: string } | undefined {
  const major = Number(/^AWS_Lambda_nodejs(\d+)/.exec(executionEnv ?? '')?.[1]);
  if (!(major >= 24) || handler.length < 3) return undefined;
  return {
    errorType: 'Runtime.CallbackHandlerDeprecated',
    errorMessage: `${executionEnv ?? ''} does not accept a handler with a callback parameter: declare it async (event, context) and return the result, or declare nodejs22.x`,
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
