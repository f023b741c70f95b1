export interface LoadPlan {
  requests: number;
  /** Most requests in flight at once (the number of clients). */
  concurrency: number;
  /** Requests per second to start; without it each client sends its next request as soon as one returns. */
  ratePerSecond?: number;
}

/**
 * Sends `plan.requests` requests through `send`, never more than `plan.concurrency` at once, paced to the rate when
 * one is given (a request whose slot comes while all clients are busy waits for a free one). Resolves when all
 * have answered.
 */
export async function driveLoad(plan: LoadPlan, send: (index: number) => Promise<void>, now: () => number = () => performance.now()): Promise<void> {
  let next = 0;
  const started = now();
  const client = async (): Promise<void> => {
    while (next < plan.requests) {
      const index = next++;
      if (plan.ratePerSecond !== undefined) {
        const due = started + (index * 1000) / plan.ratePerSecond;
        const wait = due - now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await send(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.requests) }, client));
}
