/**
 * Sends a batch of requests either as a closed loop (at most `concurrency` in flight, each finished request
 * immediately replaced) or as an open loop at a fixed `ratePerSecond` (requests keep arriving whatever the platform
 * is doing, which is what makes throttling and scale-out visible). Stopping lets in-flight requests finish.
 */
export interface LoadPlan {
  requests: number;
  concurrency: number;
  /** 0 means closed loop. */
  ratePerSecond: number;
}

export interface LoadCallbacks<T> {
  invoke(index: number): Promise<T>;
  onResult(result: T, done: number): void;
  /** Waits `ms` milliseconds; injected so the pacing can be driven by a fake clock. */
  sleep(ms: number): Promise<void>;
}

export async function runLoad<T>(plan: LoadPlan, callbacks: LoadCallbacks<T>, signal: AbortSignal): Promise<number> {
  let started = 0;
  let done = 0;
  const finish = (result: T) => {
    done += 1;
    callbacks.onResult(result, done);
  };

  if (plan.ratePerSecond > 0) {
    const gap = 1000 / plan.ratePerSecond;
    const inFlight: Array<Promise<void>> = [];
    while (started < plan.requests && !signal.aborted) {
      inFlight.push(callbacks.invoke(started).then(finish));
      started += 1;
      if (started < plan.requests) await callbacks.sleep(gap);
    }
    await Promise.all(inFlight);
    return done;
  }

  const worker = async () => {
    while (started < plan.requests && !signal.aborted) {
      const index = started;
      started += 1;
      finish(await callbacks.invoke(index));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.concurrency, plan.requests)) }, worker));
  return done;
}
