// 放在内存里只是为了练习：真实的函数要把账本存进数据库，并以 out_trade_no 为键做条件写入，
// 因为别的实例（或者新起的实例）看不到这个 Map。
const ledger = new Map<string, number>();

export const main_handler = async (event: any) => {
  const order = String(event.out_trade_no);
  if (ledger.has(order)) return { code: 'SUCCESS', credited: false, entries: ledger.size };
  ledger.set(order, event.total_fee);
  return { code: 'SUCCESS', credited: true, entries: ledger.size };
};
