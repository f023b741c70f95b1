// 乐凯撒的云打印与会员标签，写在一个文件里，导出三个函数。
//
// 1. main_handler：API 网关的 WebSocket 函数。收银台和打印机都会连上来；网关调用这个函数时，websocket.action
//    是 `"connecting"`、`"data send"`（websocket.data 是客户端发来的文字）或 `"closing"`。
//    要在调用过程中推送给某个客户端，就 POST 到网关的反向推送地址；网关部署这个函数时，
//    把这个地址放进了环境变量 WEBSOCKET_PUSH_URL：
//      await fetch(process.env.WEBSOCKET_PUSH_URL, { method: 'POST', body: JSON.stringify(
//        { websocket: { action: 'data send', secConnectionID, dataType: 'text', data } }) })
//    回答的状态码说明结果：200 已推送，410 Gone 这条连接已经断开。消息是 JSON 文本：
//      {"type":"hello","store":"SZ-01"}                           打印机报上自己所属的门店
//      {"type":"print","store":"SZ-01","ticket":"#A12 ..."}        收银台把小票发给本门店的打印机
//    TODO，检查要求的是：
//    - 每个门店只有一条打印机连接。同一门店的新连接发来 hello（打印机重启后重新连接），就替换掉旧连接：
//      之后的任务只发给新连接。
//    - 打印任务把小票推送给本门店的打印机，回答 { store, queued: false }；
//      门店没有打印机在线时回答 { store, queued: true }。
//    - 推送得到 410 Gone，说明这台打印机的连接在它的 `"closing"` 到达之前就断开了：马上忘掉它，
//      回答 { store, queued: true }（任务先留着）。以后的任务不能再发给它。
//    - 收到 `"closing"` 时忘掉这条连接，以后再也不推送给它。但如果断开的是一条已被本门店打印机新连接替换掉的旧连接，
//      新连接要保持注册。
//    - 用不了的消息（不是 JSON 对象、type 既不是 `"hello"` 也不是 `"print"`、没有 store、打印任务没有 ticket）
//      回答 `{ error: "<问题所在>" }`，不推送任何东西。绝不抛出异常：调用失败时网关会断开这条连接。
//
// 2. tagSpending 和 tagPreference：已付订单主题的两个订阅者（CMQ 主题每次调用推送一条消息，
//    在 event.Records[0].CMQ.msgBody 里）。订单形如 {"memberId":"M1001","amountFen":26800,"dishes":[...]}。
//    两者都回答 { memberId, tags }。
//    - tagSpending：amountFen 不低于 20000 时标签为 ["big-spender"]，否则为 ["regular"]。
//    - tagPreference：按下面的菜单，每个品类一个 `"likes-<品类>"` 标签，不重复。
//    TODO，检查要求的是：
//    - 能打标签的订单在第一次投递时就处理掉：每个订阅者对每条消息只处理一次。
//    - 订单里有不在菜单上的菜时，调用必须失败，主题才会再次投递；投递 3 次之后消息进入死信队列。
//      返回成功就等于告诉主题“已经处理好了”。

interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

interface CmqTopicEvent {
  Records: { CMQ: { msgId: string; msgBody: string } }[];
}

interface Order {
  memberId: string;
  amountFen: number;
  dishes: string[];
}

// 发过 hello 的打印机。这里用模块作用域代替数据库。
const printers: { connectionId: string; store: string }[] = [];

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  if (action === 'closing') {
    console.log(`${secConnectionID} closed`);
    return { errNo: 0, errMsg: 'ok' };
  }
  const message = JSON.parse(event.websocket.data ?? '');
  if (message.type === 'hello') {
    printers.push({ connectionId: secConnectionID, store: message.store });
    return { registered: message.store };
  }
  const to = printers.filter((printer) => printer.store === message.store);
  for (const printer of to) {
    await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
      method: 'POST',
      body: JSON.stringify({ websocket: { action: 'data send', secConnectionID: printer.connectionId, dataType: 'text', data: message.ticket } }),
    });
  }
  return { store: message.store, queued: to.length === 0 };
};

function orderOf(event: CmqTopicEvent): Order {
  return JSON.parse(event.Records[0]!.CMQ.msgBody) as Order;
}

export const tagSpending = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  return { memberId: order.memberId, tags: [order.amountFen >= 20_000 ? 'big-spender' : 'regular'] };
};

const MENU: Record<string, string> = {
  'durian pizza': 'pizza',
  'margherita pizza': 'pizza',
  'lemon tea': 'drinks',
  tiramisu: 'dessert',
};

export const tagPreference = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  try {
    const tags = order.dishes.map((dish) => {
      const category = MENU[dish];
      if (category === undefined) throw new Error(`not on the menu: ${dish}`);
      return `likes-${category}`;
    });
    return { memberId: order.memberId, tags: [...new Set(tags)] };
  } catch (error) {
    // 打不了标签的就跳过。
    console.log(`skipped: ${String(error)}`);
    return { memberId: order.memberId, tags: [] };
  }
};
