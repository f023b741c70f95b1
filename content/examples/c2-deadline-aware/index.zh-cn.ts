// 同样的慢活，但执行方法会盯着截止时间：趁还留有安全余量就停下，把没处理完的部分返回出去，
// 由调用方（或队列）交给下一次调用。
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
