// Each step takes 500 ms, so six steps need 3 s, but the function's timeout
// is 1 s. The platform gives up at the deadline and discards the instance:
// this example fails on purpose.
interface ScfContext {
  getRemainingTimeInMillis(): number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const main_handler = async (event: { steps: number }, context: ScfContext) => {
  for (let step = 1; step <= event.steps; step++) {
    console.log(`step ${step}: ${context.getRemainingTimeInMillis()} ms left`);
    await sleep(500);
  }
  return { done: event.steps };
};
