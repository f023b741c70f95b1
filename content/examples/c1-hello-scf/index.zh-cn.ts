// 云函数的写法：执行方法 `index.main_handler` 指的是文件 index 导出的 main_handler。
interface HelloEvent {
  name?: string;
}

interface ScfContext {
  request_id?: string;
  function_name?: string;
  memory_limit_in_mb?: number;
  time_limit_in_ms?: number;
}

export const main_handler = async (event: HelloEvent, context: ScfContext) => {
  const name = event.name ?? 'world';
  console.log(`greeting ${name} in request ${context.request_id}`);
  // 同步调用方收到的就是这个对象，序列化成 JSON。
  return {
    message: `Hello, ${name}!`,
    requestId: context.request_id,
    memoryMb: context.memory_limit_in_mb,
  };
};
