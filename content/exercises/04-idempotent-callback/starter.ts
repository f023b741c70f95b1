// A payment provider notifies us when an order is paid, and retries until we answer SUCCESS, so the same
// notification can arrive more than once. Credit each order exactly once, and answer SUCCESS every time.
// Return { code: 'SUCCESS', credited: <true if this call credited the order>, entries: <ledger size> }.
const ledger: { order: string; fee: number }[] = [];

export const main_handler = async (event: any) => {
  ledger.push({ order: event.out_trade_no, fee: event.total_fee });
  return { code: 'SUCCESS', credited: true, entries: ledger.length };
};
