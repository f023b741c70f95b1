// In-memory for the exercise only: a real function keeps the ledger in a database and uses a conditional write
// keyed by out_trade_no, because another instance (or a new one) would not see this Map.
const ledger = new Map<string, number>();

export const main_handler = async (event: any) => {
  const order = String(event.out_trade_no);
  if (ledger.has(order)) return { code: 'SUCCESS', credited: false, entries: ledger.size };
  ledger.set(order, event.total_fee);
  return { code: 'SUCCESS', credited: true, entries: ledger.size };
};
