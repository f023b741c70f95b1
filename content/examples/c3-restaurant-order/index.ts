// The ordering API behind the mini-program: API gateway calls this function
// synchronously and turns the returned object into the HTTP response. Prices
// come from the server's menu, never from the client, which could send any.
interface GatewayEvent {
  httpMethod: string;
  path: string;
  body?: string;
  requestContext: { requestId: string };
}

// Loaded once per instance and reused while warm; a real menu lives in a database.
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
      // A 4xx answer, not a thrown error: bad input is the caller's fault, and
      // an exception would show up as a function failure in your monitoring.
      return reply(400, { error: `unknown item or bad qty: ${JSON.stringify(item)}` });
    }
    lines.push({ sku: item.sku as string, qty: item.qty as number, fen: price * (item.qty as number) });
  }
  const totalFen = lines.reduce((sum, line) => sum + line.fen, 0);
  // The gateway's request id makes a traceable order id without a database round trip.
  const orderId = `${order.storeId}-${event.requestContext.requestId.slice(0, 8)}`;
  console.log(`order ${orderId}: ${lines.length} lines, ${totalFen} fen`);
  return reply(201, { orderId, storeId: order.storeId, table: order.table ?? null, lines, totalFen, status: 'awaiting-payment' });
};
