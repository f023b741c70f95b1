// 订单支付后，支付方会通知我们，而且在收到 SUCCESS 之前会一直重试，所以同一条通知可能不止到达一次。
// 每个订单恰好入账一次，并且每次都回复 SUCCESS。
// 返回 { code: 'SUCCESS', credited: <本次调用入账了该订单则为 true>, entries: <账本条数> }。
const ledger: { order: string; fee: number }[] = [];

export const main_handler = async (event: any) => {
  ledger.push({ order: event.out_trade_no, fee: event.total_fee });
  return { code: 'SUCCESS', credited: true, entries: ledger.length };
};
