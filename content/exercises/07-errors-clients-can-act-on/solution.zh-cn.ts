const MENU = ['durian pizza', 'margherita', 'tiramisu'];

interface Order {
  dish: string;
  quantity: number;
}

async function sendToKitchen(order: Order, headers: Record<string, string> | undefined): Promise<string> {
  if (headers?.['x-simulate-outage'] === 'kitchen') throw new Error('kitchen service unavailable');
  return `ticket-${MENU.indexOf(order.dish) + 1}-${order.quantity}`;
}

const response = (statusCode: number, body: unknown) => ({
  isBase64Encoded: false,
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** 请求 body 里的订单；如果有问题，就用客户端看得懂、知道怎么改的话说明错在哪里。 */
function readOrder(body: unknown): { order: Order } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(typeof body === 'string' ? body : '');
  } catch {
    return { problem: 'the body must be JSON, such as {"dish":"margherita","quantity":2}' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problem: 'the body must be a JSON object with dish and quantity' };
  }
  const { dish, quantity } = data as Record<string, unknown>;
  if (typeof dish !== 'string' || !MENU.includes(dish)) return { problem: `dish must be one of: ${MENU.join(', ')}` };
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 20) {
    return { problem: 'quantity must be a whole number from 1 to 20' };
  }
  return { order: { dish, quantity } };
}

export const main_handler = async (event: any) => {
  const read = readOrder(event.body);
  // 客户端的错：返回一个它读得懂的 400。调用本身是成功的，所以既不会被重试，也不会触发告警。
  if ('problem' in read) return response(400, { error: read.problem });
  // 故意不捕获：后厨服务挂了，这次调用就失败，平台会把错误记进日志并计入错误统计。
  const ticket = await sendToKitchen(read.order, event.headers);
  return response(200, { ticket, dish: read.order.dish, quantity: read.order.quantity });
};
