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

/** The order in the request body, or what is wrong with it in words the client can act on. */
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
  // The client's mistake: a 400 it can read. The invocation itself succeeded, so nothing retries it or raises an alarm.
  if ('problem' in read) return response(400, { error: read.problem });
  // Not caught on purpose: if the kitchen is down the invocation fails, and the platform logs and counts the error.
  const ticket = await sendToKitchen(read.order, event.headers);
  return response(200, { ticket, dish: read.order.dish, quantity: read.order.quantity });
};
