// 餐厅的云打印。API 网关承接每一条 WebSocket 连接，连接上发生的每个事件都调用这一个函数：
//   { websocket: { action: "connecting", secConnectionID, ... }, requestContext: {...} }   客户端建立连接
//   { websocket: { action: "data send", secConnectionID, dataType: "text", data } }        客户端发来消息
//   { websocket: { action: "closing", secConnectionID } }                                  客户端断开连接
// 消息（data）是 JSON 文本：
//   {"type":"hello","printer":"SZ-01-kitchen"}      打印机连上之后马上报告自己是哪台打印机
//   {"type":"print","printer":"SZ-01-kitchen","ticket":"..."}   收银台给这台打印机发一个打印任务
// 对打印任务，函数在调用过程中把 {"type":"print","ticket":"..."} 推送给这台打印机的每一条连接：POST 到网关的
// 反向推送地址（网关部署函数时把它放进 WEBSOCKET_PUSH_URL），然后回答
// { printer, pushedTo: [<任务实际到达的连接 ID>], queued }。响应的状态码说明推送的结果：200 已送达，410 Gone 连接已断开。
// 现在有两处不对：
// - 已经断开的打印机仍然会被推送任务。它的连接关闭之后，发给它的任务根本不应再推送给它，并且应当返回
//   pushedTo: [] 和 queued: true，任务先留着，等打印机回来。得到 410 的推送没有送到任何人：不算已推送。
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
    const pushedTo = [...connections].filter(([, printer]) => printer === message.printer).map(([id]) => id);
    for (const id of pushedTo) {
      await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
        method: 'POST',
        body: JSON.stringify({ websocket: { action: 'data send', secConnectionID: id, dataType: 'text', data: JSON.stringify({ type: 'print', ticket: message.ticket }) } }),
      });
    }
    console.log(`job for ${message.printer} -> ${pushedTo.length} connection(s)`);
    return { printer: message.printer, pushedTo, queued: pushedTo.length === 0 };
  }
  throw new Error(`unknown message type: ${message.type}`);
};
