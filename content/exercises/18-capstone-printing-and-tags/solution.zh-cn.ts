interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

interface CmqTopicEvent {
  Records: { CMQ: { msgId: string; msgBody: string } }[];
}

interface Message {
  type?: unknown;
  store?: unknown;
  ticket?: unknown;
}

interface Order {
  memberId: string;
  amountFen: number;
  dishes: string[];
}

// 每个门店只有一条打印机连接。两个方向都记下来，断开的连接不用遍历就能找到自己的门店。
// 生产环境里这是数据库里的记录：网关发来的同一条连接的事件，可能落到任何一个实例上。
const printerOf = new Map<string, string>();
const storeOf = new Map<string, string>();

function parse(data: string | undefined): Message | undefined {
  try {
    const value: unknown = JSON.parse(data ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}

// 调用失败会让网关断开发送方的连接，所以用不了的消息也要给出回答。
const refuse = (error: string) => ({ error });

// 网关部署这个函数时，把它的反向推送地址放进了环境变量 WEBSOCKET_PUSH_URL。
// 推送成功返回 true；410 Gone 表示这条连接已经断开（它的 `"closing"` 还在路上），返回 false。
async function push(secConnectionID: string, data: string): Promise<boolean> {
  const response = await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
    method: 'POST',
    body: JSON.stringify({ websocket: { action: 'data send', secConnectionID, dataType: 'text', data } }),
  });
  if (response.status === 410) return false;
  if (!response.ok) throw new Error(`push to ${secConnectionID} failed: ${response.status} ${await response.text()}`);
  return true;
}

function forget(secConnectionID: string): void {
  const store = storeOf.get(secConnectionID);
  if (store === undefined) return;
  storeOf.delete(secConnectionID);
  printerOf.delete(store);
}

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  if (action === 'closing') {
    forget(secConnectionID);
    return { errNo: 0, errMsg: 'ok' };
  }

  const message = parse(event.websocket.data);
  if (!message) return refuse('a message must be a JSON object such as {"type":"print","store":"SZ-01","ticket":"..."}');
  if (message.type !== 'hello' && message.type !== 'print') return refuse(`unknown message type ${JSON.stringify(message.type)}; expected "hello" or "print"`);
  if (typeof message.store !== 'string' || message.store === '') return refuse(`a "${message.type}" message needs a store`);
  const store = message.store;

  if (message.type === 'hello') {
    // 打印机重新连接后会拿到新的连接 ID，门店的任务跟着新连接走。旧 ID 从 storeOf 里删掉，
    // 它迟到的 "closing" 就找不到门店，新打印机的注册也就不会被误删。
    const previous = printerOf.get(store);
    if (previous !== undefined) storeOf.delete(previous);
    printerOf.set(store, secConnectionID);
    storeOf.set(secConnectionID, store);
    return { registered: store };
  }
  if (typeof message.ticket !== 'string') return refuse('a "print" message needs a ticket');
  const printer = printerOf.get(store);
  if (printer !== undefined && (await push(printer, message.ticket))) {
    console.log(`job for ${store} -> ${printer}`);
    return { store, queued: false };
  }
  // 410 Gone：打印机的连接已经断开，现在就忘掉它，任务先留着。
  if (printer !== undefined) forget(printer);
  console.log(`job for ${store} -> queued`);
  return { store, queued: true };
};

// 会员标签：每类标签一个函数，各自订阅已付订单主题。

function orderOf(event: CmqTopicEvent): Order {
  return JSON.parse(event.Records[0]!.CMQ.msgBody) as Order;
}

const BIG_SPENDER_FEN = 20_000;

export const tagSpending = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  return { memberId: order.memberId, tags: [order.amountFen >= BIG_SPENDER_FEN ? 'big-spender' : 'regular'] };
};

const MENU: Record<string, string> = {
  'durian pizza': 'pizza',
  'margherita pizza': 'pizza',
  'lemon tea': 'drinks',
  tiramisu: 'dessert',
};

export const tagPreference = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  const unknown = order.dishes.filter((dish) => MENU[dish] === undefined);
  // 抛出异常就是告诉主题这条消息没有处理成功：它会再次投递，最后一次仍失败就进入死信队列。
  if (unknown.length > 0) throw new Error(`dishes not on the menu: ${unknown.join(', ')}`);
  return { memberId: order.memberId, tags: [...new Set(order.dishes.map((dish) => `likes-${MENU[dish]}`))] };
};
