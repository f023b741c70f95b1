// 每一步耗时 500 ms，六步要 3 s，而函数的超时时间只有 1 s。到了截止时间平台就放弃这次运行，
// 并丢弃这个实例：这个例子是故意失败的。
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
