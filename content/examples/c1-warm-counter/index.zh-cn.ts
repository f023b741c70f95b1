// 模块顶层代码在每个实例的初始化阶段只执行一次。
const instanceId = Math.random().toString(36).slice(2, 8);
const startedAt = new Date().toISOString();
let invocations = 0;

export const main_handler = async () => {
  // 在热调用之间保留下来，但仅限于这一个实例。
  invocations += 1;
  console.log(`instance ${instanceId}: invocation #${invocations}`);
  return {
    instanceId,
    startedAt,
    invocations,
    coldStart: invocations === 1,
  };
};
