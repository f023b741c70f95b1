// POST /orders through API gateway, with a JSON body such as {"dish":"margherita","quantity":2}.
// Today every bad request makes this function throw: the invocation fails as if our code were broken, and the client
// gets no answer that tells it what to fix.
// - Bad client input (a body that is not JSON, a dish not on the menu, a quantity that is not a whole number from
//   1 to 20): answer status 400 with a JSON body {"error": "<what is wrong, naming the field>"}. Name the field as it
//   is spelt in the body, in lower case: "dish" or "quantity".
// - A good order: status 200, as now.
// - The kitchen service failing is our fault, not the client's: let that error fail the invocation, as now.
const MENU = ['durian pizza', 'margherita', 'tiramisu'];

interface Order {
  dish: string;
  quantity: number;
}

// The kitchen service this function calls. The workshop simulates an outage with the request header
// "x-simulate-outage: kitchen". Leave this function as it is.
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
