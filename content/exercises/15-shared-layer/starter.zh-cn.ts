/**
 * 这个文件部署成两个函数：`index.receipt` 打印账单，`index.ticket` 打印后厨的出菜单。
 * 两者对菜品和价格的格式一样，所以下面的辅助函数被复制了进来。餐厅把公共的格式代码放在一个层 `menu-format` 里，
 * 两个函数都绑定了它：平台把它挂载到 /opt，其中的文件 /opt/nodejs/menu-format.js 导出 `formatPrice(cents)` 和
 * `dishLine(dish)`，也就是同样的辅助函数。
 *
 * 任务：删掉这份副本，让两个函数都使用层里的辅助函数，从 '/opt/nodejs/menu-format' 导入。
 * 检查会先给两个函数绑定层的第 1 版，再绑定第 2 版（新的格式），而不重新部署你的代码：两个函数每次都要按层的格式回答。
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

// 层里辅助函数的副本：每个函数的代码包都带着它，层的修复永远到不了这里。
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
