// 这个函数是写来给脚本测试的。输入不合法时它直接抛异常，而不是返回 {ok: false}：
// 抛出异常才会让这次调用失败，而调用失败才会在 CI 里变成非零的退出码。
interface Order {
  storeId?: unknown;
  items?: unknown;
}

interface Item {
  sku: string;
  qty: number;
}

function isItem(value: unknown): value is Item {
  const item = value as Item;
  return typeof item?.sku === 'string' && Number.isInteger(item.qty) && item.qty > 0;
}

export const main_handler = async (event: Order) => {
  if (typeof event.storeId !== 'string' || event.storeId === '') {
    throw new Error('storeId is missing');
  }
  if (!Array.isArray(event.items) || event.items.length === 0) {
    throw new Error('an order needs at least one item');
  }
  const bad = event.items.findIndex((item) => !isItem(item));
  if (bad >= 0) throw new Error(`items[${bad}] needs a sku and a whole qty above 0`);

  const items = event.items as Item[];
  const count = items.reduce((sum, item) => sum + item.qty, 0);
  console.log(`order for ${event.storeId}: ${items.length} lines, ${count} items`);
  return { accepted: true, storeId: event.storeId, lines: items.length, count };
};
