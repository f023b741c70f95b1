// 小程序背后的点餐接口：API 网关同步调用这个函数，再把返回的对象转成 HTTP 响应。
// 价格只认服务端的菜单，不用客户端传来的值，因为客户端想传什么都可以。
interface GatewayEvent {
  httpMethod: string;
  path: string;
  body?: string;
  requestContext: { requestId: string };
}

// 每个实例只加载一次，热启动时直接复用；真实的菜单放在数据库里。
const menuFen: Record<string, number> = { 'durian-pizza-9in': 8800, 'lemon-tea': 1800, cola: 800 };

const reply = (statusCode: number, body: unknown) => ({
  isBase64Encoded: false,
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const main_handler = async (event: GatewayEvent) => {
  if (event.httpMethod !== 'POST') return reply(405, { error: 'use POST' });

  let order: { storeId?: unknown; table?: unknown; items?: Array<{ sku?: unknown; qty?: unknown }> };
  try {
    order = JSON.parse(event.body ?? '');
  } catch {
    return reply(400, { error: 'body must be JSON' });
  }
  if (typeof order.storeId !== 'string' || !Array.isArray(order.items) || order.items.length === 0) {
    return reply(400, { error: 'storeId and at least one item are required' });
  }
  const lines: Array<{ sku: string; qty: number; fen: number }> = [];
  for (const item of order.items) {
    const price = typeof item.sku === 'string' ? menuFen[item.sku] : undefined;
    if (price === undefined || !Number.isInteger(item.qty) || (item.qty as number) <= 0) {
      // 返回 4xx，而不是抛异常：输入不合法是调用方的问题，抛了异常，监控里就会记成一次函数失败。
      return reply(400, { error: `unknown item or bad qty: ${JSON.stringify(item)}` });
    }
    lines.push({ sku: item.sku as string, qty: item.qty as number, fen: price * (item.qty as number) });
  }
  const totalFen = lines.reduce((sum, line) => sum + line.fen, 0);
  // 用网关的请求 ID 生成订单号，既能追溯，又省了一次数据库往返。
  const orderId = `${order.storeId}-${event.requestContext.requestId.slice(0, 8)}`;
  console.log(`order ${orderId}: ${lines.length} lines, ${totalFen} fen`);
  return reply(201, { orderId, storeId: order.storeId, table: order.table ?? null, lines, totalFen, status: 'awaiting-payment' });
};
