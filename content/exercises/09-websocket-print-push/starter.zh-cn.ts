// 餐厅的云打印。API 网关承接每一条 WebSocket 连接，连接上发生的每个事件都调用这一个函数：
//   { websocket: { action: "connecting", secConnectionID, ... }, requestContext: {...} }   客户端建立连接
//   { websocket: { action: "data send", secConnectionID, dataType: "text", data } }        客户端发来消息
//   { websocket: { action: "closing", secConnectionID } }                                  客户端断开连接
// 消息（data）是 JSON 文本：
//   {"type":"hello","printer":"SZ-01-kitchen"}      打印机连上之后马上报告自己是哪台打印机
//   {"type":"print","printer":"SZ-01-kitchen","ticket":"..."}   收银台给这台打印机发一个打印任务
// 对打印任务，函数回答 { printer, pushTo: [<要推送的连接 ID>], queued }。真实系统接下来会针对每个 ID
// 把任务 POST 到网关的反向推送地址；这里检查的就是这个回答。
// 现在有两处不对：
// - 已经断开的打印机仍然会被推送任务。它的连接关闭之后，发给它的任务应当返回 pushTo: [] 和 queued: true，
//   任务先留着，等打印机回来。
// - 看不懂的消息会让函数抛出异常。网关会把调用失败当成连接出了故障，把连接断开。请改为回答
//   `{ error: "<哪里不对>" }`，并且不推送任何东西。

interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

// 连接 ID -> 这条连接上的打印机（发来 hello 之前为 null）。模块作用域在这里代替真实系统会用的数据库，
// 之所以行得通，只是因为练习只运行一个实例。
const connections = new Map<string, string | null>();

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') {
    connections.set(secConnectionID, null);
    // errNo 为 0 表示让网关接受这条连接。
    return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  }
  if (action === 'closing') {
    console.log(`${secConnectionID} closed`);
    return { errNo: 0, errMsg: 'ok' };
  }
  const message = JSON.parse(event.websocket.data ?? '');
  if (message.type === 'hello') {
    connections.set(secConnectionID, message.printer);
    return { printer: message.printer };
  }
  if (message.type === 'print') {
    const pushTo = [...connections].filter(([, printer]) => printer === message.printer).map(([id]) => id);
    console.log(`job for ${message.printer} -> ${pushTo.length} connection(s)`);
    return { printer: message.printer, pushTo, queued: pushTo.length === 0 };
  }
  throw new Error(`unknown message type: ${message.type}`);
};
