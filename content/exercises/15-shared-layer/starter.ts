/**
 * Two functions are deployed from this file: `index.receipt` prints the bill, `index.ticket` the kitchen's ticket.
 * Both format dishes and prices the same way, so the helpers below were copied in. The restaurant keeps its shared
 * formatting in a layer, `menu-format`, which both functions bind: the platform mounts it at /opt, and its file
 * /opt/nodejs/menu-format.js exports `formatPrice(cents)` and `dishLine(dish)`, the same helpers.
 *
 * Task: delete the copies and use the layer's helpers, imported from '/opt/nodejs/menu-format', in both functions.
 * The check binds version 1 of the layer to both functions, then version 2 (a new format) without redeploying your
 * code: both functions must answer with the layer's format each time.
 */
interface Dish {
  name: string;
  qty: number;
  priceCents: number;
}

interface Order {
  table: number;
  dishes: Dish[];
}

// A copy of the layer's helpers: each function's bundle carries it, and a fix to the layer never reaches it.
function formatPrice(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}

function dishLine(dish: Dish): string {
  return `${dish.qty} × ${dish.name}`;
}

export const receipt = async (order: Order) => {
  const total = order.dishes.reduce((sum, dish) => sum + dish.qty * dish.priceCents, 0);
  return {
    table: order.table,
    lines: order.dishes.map((dish) => `${dishLine(dish)}  ${formatPrice(dish.qty * dish.priceCents)}`),
    total: formatPrice(total),
  };
};

export const ticket = async (order: Order) => ({
  table: order.table,
  lines: order.dishes.map(dishLine),
});
