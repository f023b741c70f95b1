/**
 * 这个文件部署成两个函数：`index.receipt` 打印账单，`index.ticket` 打印后厨的出菜单。
 * 公共的格式代码来自层 `menu-format`，平台为每个实例把它挂载到 /opt：这条导入在运行时仍是对 /opt 的 require，
 * 所以两个代码包里都没有副本；给函数绑定层的新版本后，新版本无需重新构建这个文件就能到达两个函数。
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
