/**
 * Two functions are deployed from this file: `index.receipt` prints the bill, `index.ticket` the kitchen's ticket.
 * Their shared formatting comes from the `menu-format` layer, which the platform mounts at /opt for every instance:
 * the import stays a require of /opt at run time, so neither bundle holds a copy, and a new layer version bound to
 * the functions reaches both without a new build of this file.
 */
import { dishLine, formatPrice } from '/opt/nodejs/menu-format';

interface Dish {
  name: string;
  qty: number;
  priceCents: number;
}

interface Order {
  table: number;
  dishes: Dish[];
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
