interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

interface Message {
  type?: unknown;
  printer?: unknown;
  ticket?: unknown;
}

// 连接 ID -> 这条连接上的打印机（发来 hello 之前为 null）。生产环境里这是数据库中的一张表：同一条连接的事件
// 可能落到任何一个实例上，而实例随时会新建和回收。
const connections = new Map<string, string | null>();

/** 消息解析出的 JSON；不是 JSON 对象时返回 undefined。 */
function parse(data: string | undefined): Message | undefined {
  try {
    const value: unknown = JSON.parse(data ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}

// 网关的反向推送地址：网关部署这个函数时把它放进 WEBSOCKET_PUSH_URL。回答的状态码：200 打印机收到了任务，
// 410 Gone 它的连接已经断开（它的 `"closing"` 可能还在路上）。
async function push(secConnectionID: string, data: string): Promise<number> {
  const response = await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
    method: 'POST',
    body: JSON.stringify({ websocket: { action: 'data send', secConnectionID, dataType: 'text', data } }),
  });
  return response.status;
}

// 用回答代替抛出异常：调用失败会让网关断开发送方的连接。
const refuse = (error: string) => {
  console.log(`refused: ${error}`);
  return { error };
};

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') {
    connections.set(secConnectionID, null);
    return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  }
  if (action === 'closing') {
    // 忘掉这条连接，以后再也不会往它上面推送任何东西。
    connections.delete(secConnectionID);
    console.log(`${secConnectionID} closed, ${connections.size} connection(s) left`);
    return { errNo: 0, errMsg: 'ok' };
  }
  if (action !== 'data send') return refuse(`unknown websocket action "${action}"`);

  const message = parse(event.websocket.data);
  if (!message) return refuse('a message must be a JSON object such as {"type":"print","printer":"SZ-01-kitchen","ticket":"..."}');
  if (message.type !== 'hello' && message.type !== 'print') return refuse(`unknown message type ${JSON.stringify(message.type)}; expected "hello" or "print"`);
  if (typeof message.printer !== 'string' || message.printer === '') return refuse(`a "${message.type}" message needs a printer`);

  if (message.type === 'hello') {
    connections.set(secConnectionID, message.printer);
    return { printer: message.printer };
  }
  const pushedTo: string[] = [];
  for (const [id, printer] of connections) {
    if (printer !== message.printer) continue;
    const status = await push(id, JSON.stringify({ type: 'print', ticket: message.ticket }));
    if (status === 200) pushedTo.push(id);
    // 410 Gone：连接已经断开；现在就忘掉它，不要再往上推送。
    else if (status === 410) connections.delete(id);
    else console.log(`push to ${id} failed with ${status}`);
  }
  // 没有连接：把任务留着（真实系统会存起来），等打印机再次发来 hello。
  console.log(`job for ${message.printer} -> ${pushedTo.length === 0 ? 'queued' : pushedTo.join(', ')}`);
  return { printer: message.printer, pushedTo, queued: pushedTo.length === 0 };
};
