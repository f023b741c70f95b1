// The same slow work, but the handler watches its deadline. It stops while
// it still has a safety margin and returns what is left, so the caller (or a
// queue) can hand the rest to another invocation.
interface ScfContext {
  getRemainingTimeInMillis(): number;
}

const SAFETY_MARGIN_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const main_handler = async (event: { items: string[] }, context: ScfContext) => {
  const done: string[] = [];
  for (const item of event.items) {
    if (context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS) {
      console.log(`stopping early, ${done.length} of ${event.items.length} done`);
      break;
    }
    await sleep(300);
    done.push(item);
  }
  return { done, remaining: event.items.slice(done.length) };
};
