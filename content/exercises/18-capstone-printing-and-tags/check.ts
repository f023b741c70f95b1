import type { Delivery } from '../../../playground/services/function-queue.ts';
import type { Topic } from '../../../playground/services/topic.ts';
import type { WebSocketGateway } from '../../../playground/services/websocket-gateway.ts';
import { DEFAULT_MAX_RECEIVE_COUNT } from '../../../playground/services/function-queue.ts';
import { defineChecks, deepEqual, expectThat, show, type Bilingual, type Harness } from '../../../playground/workshop/check-api.ts';

// The function's module state lives on across checks: each check uses stores and connection ids of its own.

/** Opens a connection and fails the check, with the answer, when the function does not accept it. */
async function connect(gateway: WebSocketGateway, connectionId: string): Promise<void> {
  const { accepted, record } = await gateway.connect(connectionId);
  expectThat(accepted, {
    en: `Connecting ${connectionId} was answered ${record.status === 'ok' ? show(record.result) : `with an error (${record.error?.errorMessage})`}. The gateway opens a connection only when the answer has errNo 0.`,
    'zh-cn': `连接 ${connectionId} 得到的回答是 ${record.status === 'ok' ? show(record.result) : `一个错误（${record.error?.errorMessage}）`}。只有回答里 errNo 为 0，网关才会建立连接。`,
  });
}

/** Sends a message and fails the check when the call failed (the gateway then closed the sender's connection). */
async function send(gateway: WebSocketGateway, connectionId: string, message: unknown): Promise<unknown> {
  const data = typeof message === 'string' ? message : JSON.stringify(message);
  const record = await gateway.send(connectionId, data);
  expectThat(record.status === 'ok', {
    en: `Sending ${data} on ${connectionId} made the function fail (${record.error?.errorType}: ${record.error?.errorMessage}), so the gateway closed that connection. Answer { error: "..." } for a message you cannot use.`,
    'zh-cn': `在 ${connectionId} 上发送 ${data} 时函数出错了（${record.error?.errorType}: ${record.error?.errorMessage}），网关因此断开了这条连接。用不了的消息请回答 { error: "..." }。`,
  });
  return record.result;
}

async function printerFor(gateway: WebSocketGateway, connectionId: string, store: string): Promise<void> {
  await connect(gateway, connectionId);
  await send(gateway, connectionId, { type: 'hello', store });
}

const ticket = (store: string, n: number) => `#${store}-${n}  1 x durian pizza`;

/** Fails when any push went to a connection that was not open. */
function expectNoRefusedPush(gateway: WebSocketGateway): void {
  const refused = gateway.pushes.filter((push, index) => !push.delivered && gateway.pushes.findIndex((other) => other.connectionId === push.connectionId && !other.delivered) === index);
  expectThat(refused.length === 0, {
    en: `Your function POSTed pushes for connections that were not open, and the gateway answered 410 Gone: ${refused.map((push) => `${push.connectionId} (${push.refusal})`).join('; ')}. Forget a connection when its "closing" event arrives.`,
    'zh-cn': `你的函数为没有打开的连接 POST 了推送，网关回答 410 Gone：${refused.map((push) => `${push.connectionId}（${push.refusal}）`).join('；')}。收到 "closing" 事件时要把这条连接忘掉。`,
  });
}

/** A print job for `store` must reach `printer` and no other connection; `when` says what happened before it. */
function expectJobReached(gateway: WebSocketGateway, answer: unknown, store: string, printer: string, data: string, when: Bilingual): void {
  const to = gateway.pushes.filter((push) => push.delivered && push.data === data).map((push) => push.connectionId);
  expectThat(to.length === 1 && to[0] === printer, {
    en: `${when.en}, a job for ${store} was pushed to ${show(to)} (the function answered ${show(answer)}); it must reach ${store}'s printer connection, ${printer}, and nothing else.`,
    'zh-cn': `${when['zh-cn']}，发给 ${store} 的任务推送到了 ${show(to)}（函数的回答是 ${show(answer)}）；它应当只到达 ${store} 的打印机连接 ${printer}。`,
  });
}

interface Tagged {
  memberId?: unknown;
  tags?: unknown;
}

const orders = {
  big: { memberId: 'M1001', amountFen: 26_800, dishes: ['durian pizza', 'lemon tea'] },
  small: { memberId: 'M1002', amountFen: 4_200, dishes: ['tiramisu'] },
  pizzas: { memberId: 'M1003', amountFen: 15_600, dishes: ['margherita pizza', 'durian pizza'] },
  unknownDish: { memberId: 'M1004', amountFen: 9_900, dishes: ['lemon tea', 'mango sticky rice'] },
};
const expectedTags: Record<string, Record<keyof typeof orders, string[]>> = {
  spending: { big: ['big-spender'], small: ['regular'], pizzas: ['regular'], unknownDish: ['regular'] },
  preference: { big: ['likes-pizza', 'likes-drinks'], small: ['likes-dessert'], pizzas: ['likes-pizza'], unknownDish: [] },
};
const SUBSCRIBERS = { spending: 'tagSpending', preference: 'tagPreference' };

const deliveriesOf = (topic: Topic, subscription: string, id: string): Delivery[] => topic.subscription(subscription).deliveries.filter((delivery) => delivery.messageIds.includes(id));

/** Each message reached the subscriber once, the call succeeded, and the tags are right. */
function expectTakenOnce(topic: Topic, subscription: string, id: string, order: keyof typeof orders): void {
  const deliveries = deliveriesOf(topic, subscription, id);
  const body = JSON.stringify(orders[order]);
  expectThat(deliveries.length === 1 && deliveries[0]!.status === 'ok', {
    en: `The ${subscription} subscriber got the order ${body} ${deliveries.length} time(s), the calls ending ${show(deliveries.map((delivery) => delivery.status))}; a message it can tag must be taken on its first delivery, once.`,
    'zh-cn': `订阅者 ${subscription} 收到订单 ${body} ${deliveries.length} 次，调用结果依次为 ${show(deliveries.map((delivery) => delivery.status))}；能打标签的消息应当在第一次投递时就被处理，且只处理一次。`,
  });
  const answer = deliveries[0]!.result as Tagged | undefined;
  const want = { memberId: orders[order].memberId, tags: expectedTags[subscription]![order] };
  const sameTags = Array.isArray(answer?.tags) && answer.tags.length === want.tags.length && want.tags.every((tag) => (answer.tags as unknown[]).includes(tag));
  expectThat(answer?.memberId === want.memberId && sameTags, {
    en: `For the order ${body} the ${subscription} subscriber answered ${show(answer)}; expected ${show(want)} (tags in any order).`,
    'zh-cn': `对订单 ${body}，订阅者 ${subscription} 的回答是 ${show(answer)}；应为 ${show(want)}（标签顺序不限）。`,
  });
}

function publishAll(topic: Topic, names: (keyof typeof orders)[]): Map<keyof typeof orders, string> {
  return new Map(names.map((name) => [name, topic.publish(JSON.stringify(orders[name]), ['paid'])]));
}

export default defineChecks([
  {
    title: { en: 'Keeps the connection store consistent through connect, messages and disconnect', 'zh-cn': '连接、消息、断开之后，连接表保持一致' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const [till, printer] = ['till-GZ-05-aaaaaaaaaaaa=', 'printer-GZ-05-bbbbbbbbbb='];
      await connect(gateway, till);
      await printerFor(gateway, printer, 'GZ-05');
      const bad: [unknown, string, string][] = [
        ['print the last ticket again', 'text that is not JSON', '不是 JSON 的文字'],
        [{ type: 'reprint-everything', store: 'GZ-05' }, 'an unknown message type', '未知的消息类型'],
        [{ type: 'print', ticket: ticket('GZ-05', 0) }, 'a print job with no store', '没有门店的打印任务'],
        [{ type: 'print', store: 'GZ-05' }, 'a print job with no ticket', '没有小票的打印任务'],
      ];
      for (const [message, what, whatZh] of bad) {
        const answer = (await send(gateway, till, message)) as { error?: unknown } | undefined;
        expectThat(typeof answer?.error === 'string' && answer.error.trim() !== '', {
          en: `For ${what} the function answered ${show(answer)}; expected an "error" string saying what is wrong.`,
          'zh-cn': `收到${whatZh}时函数的回答是 ${show(answer)}；应当有一个说明问题所在的 "error" 字符串。`,
        });
      }
      expectThat(gateway.pushes.length === 0, {
        en: `A bad message must push nothing, but these pushes were made: ${show(gateway.pushes)}.`,
        'zh-cn': `错误的消息不应推送任何东西，但网关做了这些推送：${show(gateway.pushes)}。`,
      });
      await gateway.disconnect(printer);
      expectThat(deepEqual(gateway.store.openIds(), [till]), {
        en: `After the printer disconnected, the open connections were ${show(gateway.store.openIds())}; expected only the till, ${till}.`,
        'zh-cn': `打印机断开之后，打开的连接是 ${show(gateway.store.openIds())}；应当只剩收银台 ${till}。`,
      });
      const job = ticket('GZ-05', 1);
      const answer = (await send(gateway, till, { type: 'print', store: 'GZ-05', ticket: job })) as { queued?: unknown } | undefined;
      expectNoRefusedPush(gateway);
      expectThat(answer?.queued === true, {
        en: `With GZ-05's printer gone, a job for it was answered ${show(answer)}; expected queued: true, with nothing pushed.`,
        'zh-cn': `GZ-05 的打印机已经断开，发给它的任务得到的回答是 ${show(answer)}；应为 queued: true，且不推送任何东西。`,
      });
    },
  },
  {
    title: { en: 'Pushes a print job only to its store’s printer connection, after a reconnect too', 'zh-cn': '打印任务只推送给本门店打印机的连接，重新连接之后也是' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const till = 'till-SZ-01-cccccccccccc=';
      const [kitchen, other, kitchenAgain] = ['printer-SZ-01-dddddddddd=', 'printer-SZ-02-eeeeeeeeee=', 'printer-SZ-01-ffffffffff='];
      await connect(gateway, till);
      await printerFor(gateway, kitchen, 'SZ-01');
      await printerFor(gateway, other, 'SZ-02');
      const first = ticket('SZ-01', 1);
      expectJobReached(gateway, await send(gateway, till, { type: 'print', store: 'SZ-01', ticket: first }), 'SZ-01', kitchen, first, {
        en: `With printers for SZ-01 (${kitchen}) and SZ-02 (${other}) connected`,
        'zh-cn': `SZ-01 的打印机（${kitchen}）和 SZ-02 的打印机（${other}）都已连接时`,
      });
      // The printer restarts: a new connection says hello while the gateway has not yet noticed the old one is dead.
      await printerFor(gateway, kitchenAgain, 'SZ-01');
      const second = ticket('SZ-01', 2);
      expectJobReached(gateway, await send(gateway, till, { type: 'print', store: 'SZ-01', ticket: second }), 'SZ-01', kitchenAgain, second, {
        en: `After SZ-01's printer reconnected as ${kitchenAgain} and said hello, its old connection ${kitchen} not yet closed`,
        'zh-cn': `SZ-01 的打印机以 ${kitchenAgain} 重新连接并发了 hello，旧连接 ${kitchen} 还没有断开时`,
      });
      await gateway.disconnect(kitchen);
      const third = ticket('SZ-01', 3);
      const answer = await send(gateway, till, { type: 'print', store: 'SZ-01', ticket: third });
      expectThat(gateway.pushes.some((push) => push.delivered && push.data === third && push.connectionId === kitchenAgain), {
        en: `After the old connection ${kitchen} finally closed, a job for SZ-01 was answered ${show(answer)}: the printer on its new connection ${kitchenAgain} lost its jobs. On "closing", unregister the connection only if it is still its store's printer.`,
        'zh-cn': `旧连接 ${kitchen} 最终断开之后，发给 SZ-01 的任务得到的回答是 ${show(answer)}：新连接 ${kitchenAgain} 上的打印机收不到任务了。收到 "closing" 时，只有这条连接仍是本门店的打印机才注销它。`,
      });
      expectJobReached(gateway, answer, 'SZ-01', kitchenAgain, third, { en: `After the old connection ${kitchen} closed`, 'zh-cn': `旧连接 ${kitchen} 断开之后` });
      expectNoRefusedPush(gateway);
    },
  },
  {
    title: { en: 'Never pushes to a connection that has disconnected', 'zh-cn': '绝不推送给已断开的连接' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const [till, printer] = ['till-SH-03-gggggggggggg=', 'printer-SH-03-hhhhhhhhhh='];
      await connect(gateway, till);
      await printerFor(gateway, printer, 'SH-03');
      await gateway.disconnect(printer);
      for (const n of [1, 2]) await send(gateway, till, { type: 'print', store: 'SH-03', ticket: ticket('SH-03', n) });
      expectNoRefusedPush(gateway);
    },
  },
  {
    title: { en: 'Keeps the job when a push is answered 410 Gone, and forgets that connection', 'zh-cn': '推送得到 410 Gone 时留下任务，并忘掉这条连接' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const [till, printer] = ['till-BJ-07-iiiiiiiiiiii=', 'printer-BJ-07-jjjjjjjjjj='];
      await connect(gateway, till);
      await printerFor(gateway, printer, 'BJ-07');
      // The printer's network drops: the gateway closes the connection, and its "closing" event has not reached the function yet.
      gateway.store.close(printer, 'client');
      const answers: unknown[] = [];
      for (const n of [1, 2]) answers.push(await send(gateway, till, { type: 'print', store: 'BJ-07', ticket: ticket('BJ-07', n) }));
      const gone = gateway.pushes.filter((push) => push.connectionId === printer);
      expectThat(answers.every((answer) => (answer as { queued?: unknown } | undefined)?.queued === true), {
        en: `BJ-07's printer connection closed before its "closing" event arrived; two jobs for BJ-07 were answered ${show(answers)}. The gateway answered the push with 410 Gone: the job was not printed, so answer queued: true.`,
        'zh-cn': `BJ-07 的打印机连接在它的 "closing" 事件到达之前就断开了；发给 BJ-07 的两个任务得到的回答是 ${show(answers)}。网关对推送回答了 410 Gone：小票没有打出来，所以应回答 queued: true。`,
      });
      expectThat(gone.length === 1, {
        en: `After the gateway answered 410 Gone for ${printer}, your function pushed to it ${gone.length} time(s) in all over two jobs. A 410 means the connection will never come back: forget it at once, so the second job is queued without a push.`,
        'zh-cn': `网关对 ${printer} 回答 410 Gone 之后，两个任务里你的函数一共向它推送了 ${gone.length} 次。410 表示这条连接再也不会回来：马上忘掉它，第二个任务就不用推送，直接排队。`,
      });
    },
  },
  {
    title: { en: 'Each paid order is tagged once by each subscriber', 'zh-cn': '每笔已付订单被每个订阅者各处理一次' },
    async run(fn: Harness) {
      const topic = fn.topic('paid-orders', SUBSCRIBERS);
      const ids = publishAll(topic, ['big', 'small', 'pizzas']);
      await topic.deliver();
      for (const subscription of Object.keys(SUBSCRIBERS)) {
        for (const [order, id] of ids) expectTakenOnce(topic, subscription, id, order);
      }
    },
  },
  {
    title: {
      en: `An order one subscriber cannot tag is delivered to it ${DEFAULT_MAX_RECEIVE_COUNT} times, then dead-lettered; the other subscriber tags it once`,
      'zh-cn': `某个订阅者无法处理的订单会投递给它 ${DEFAULT_MAX_RECEIVE_COUNT} 次，然后进入死信队列；另一个订阅者只处理一次`,
    },
    async run(fn: Harness) {
      const topic = fn.topic('paid-orders-2', SUBSCRIBERS);
      const ids = publishAll(topic, ['unknownDish', 'small']);
      await topic.deliver();
      const poison = ids.get('unknownDish')!;
      const tries = deliveriesOf(topic, 'preference', poison);
      const dead = topic.subscription('preference').deadLetters.map((message) => message.id);
      expectThat(tries.length === DEFAULT_MAX_RECEIVE_COUNT && tries.every((delivery) => delivery.status !== 'ok') && dead.includes(poison), {
        en: `The order ${JSON.stringify(orders.unknownDish)} has a dish that is not on the menu. tagPreference got it ${tries.length} time(s), the calls ending ${show(tries.map((delivery) => delivery.status))}, and it is ${dead.includes(poison) ? '' : 'not '}in the dead-letter queue. A call that succeeds tells the topic the message was handled, so the member's preference is silently lost: throw instead, so it is retried up to ${DEFAULT_MAX_RECEIVE_COUNT} deliveries and then kept in the dead-letter queue for a person to look at.`,
        'zh-cn': `订单 ${JSON.stringify(orders.unknownDish)} 里有一道菜不在菜单上。tagPreference 收到了它 ${tries.length} 次，调用结果依次为 ${show(tries.map((delivery) => delivery.status))}，它${dead.includes(poison) ? '已' : '没有'}进入死信队列。调用成功就等于告诉主题“这条消息处理好了”，会员的口味标签就这样悄悄丢了：请改为抛出异常，让它最多投递 ${DEFAULT_MAX_RECEIVE_COUNT} 次，然后留在死信队列里等人处理。`,
      });
      expectTakenOnce(topic, 'preference', ids.get('small')!, 'small');
      for (const [order, id] of ids) expectTakenOnce(topic, 'spending', id, order);
      expectThat(topic.subscription('spending').deadLetters.length === 0, {
        en: `tagSpending dead-lettered ${show(topic.subscription('spending').deadLetters.map((message) => message.body))}; the spending tag does not depend on the menu.`,
        'zh-cn': `tagSpending 把 ${show(topic.subscription('spending').deadLetters.map((message) => message.body))} 送进了死信队列；消费金额标签与菜单无关。`,
      });
    },
  },
]);
