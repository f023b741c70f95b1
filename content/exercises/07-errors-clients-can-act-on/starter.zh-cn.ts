// 经 API 网关 POST /orders，body 是 JSON，例如 {"dish":"margherita","quantity":2}。
// 现在每个错误请求都会让这个函数抛异常：这次调用失败得就像我们的代码有 bug 一样，
// 客户端也拿不到任何能告诉它该改什么的回答。
// - 客户端输入有误（body 不是 JSON、dish 不在菜单上、quantity 不是 1 到 20 之间的整数）：
//   返回状态码 400，body 为 JSON `{"error": "<哪里不对，要指明字段>"}`。字段名照 body 里的写法，用小写：
//   `dish` 或 `quantity`。
// - 正常的订单：和现在一样返回状态码 200。
// - 后厨服务故障是我们的错，不是客户端的错：和现在一样，让这个错误使本次调用失败。
const MENU = ['durian pizza', 'margherita', 'tiramisu'];

interface Order {
  dish: string;
  quantity: number;
}

// 本函数调用的后厨服务。练习里用请求头 `x-simulate-outage: kitchen` 模拟服务故障。
// 这个函数保持原样，不要修改。
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

export const main_handler = async (event: any) => {
  const order = JSON.parse(event.body);
  if (!MENU.includes(order.dish)) throw new Error(`${order.dish} is not on the menu`);
  if (!Number.isInteger(order.quantity) || order.quantity < 1 || order.quantity > 20) throw new Error('bad quantity');
  const ticket = await sendToKitchen(order, event.headers);
  return response(200, { ticket, dish: order.dish, quantity: order.quantity });
};
