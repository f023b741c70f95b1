// callback 写法：执行方法不是 async 的，调用结果就是传给 callback 的那个值。
interface HelloEvent {
  name?: string;
}

type Callback = (error: Error | null, result?: unknown) => void;

export const main_handler = (event: HelloEvent, context: { request_id?: string }, callback: Callback) => {
  const name = event.name ?? 'world';
  setTimeout(() => {
    // 第一个参数是错误（成功时为 null），第二个参数是结果。
    callback(null, { message: `Hello, ${name}!`, requestId: context.request_id });
  }, 50);
};
