/** The timer functions of a global scope (a worker's `self`), which `runZeroDelayTimeoutsPromptly` replaces. */
export interface TimerScope {
  setTimeout(handler: TimerHandler, delay?: number, ...args: unknown[]): number;
  clearTimeout(id: number | undefined): void;
}

/**
 * esbuild-wasm run in the compiler's own thread (`worker: false`) passes each message between its JS API and its Go
 * code through `setTimeout(…, 0)`, and those calls nest, so a browser holds each one back at least 4 ms (the HTML
 * timer-nesting clamp): in Chromium 156 a small handler's build took 36-40 ms, and 12-20 ms without the clamp. In
 * that thread only, a timeout without a delay therefore runs as the next message of a MessageChannel: still after
 * the current task and in the order asked, as setTimeout(…, 0) promises, but at once. Timeouts with a delay, and
 * string handlers, keep the browser's own timers.
 */
export function runZeroDelayTimeoutsPromptly(scope: TimerScope): void {
  const browserSet = scope.setTimeout.bind(scope);
  const browserClear = scope.clearTimeout.bind(scope);
  const due = new Map<number, () => void>();
  const channel = new MessageChannel();
  // Negative ids never meet the browser's own, which are positive.
  let last = 0;
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    const run = due.get(event.data);
    due.delete(event.data);
    run?.();
  };
  scope.setTimeout = (handler, delay, ...args) => {
    if ((delay ?? 0) > 0 || typeof handler !== 'function') return browserSet(handler, delay, ...args);
    last -= 1;
    due.set(last, () => handler(...args));
    channel.port2.postMessage(last);
    return last;
  };
  scope.clearTimeout = (id) => {
    if (id !== undefined && due.delete(id)) return;
    browserClear(id);
  };
}
