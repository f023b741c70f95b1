// A payment notification may be delivered more than once. The merchant's
// order number is the idempotency key: a repeat is acknowledged, never applied
// twice. These variables live in ONE instance only; real code keeps the keys
// in a database (unique key or conditional write) shared by every instance.
interface PaymentNotice {
  out_trade_no: string;
  transaction_id: string;
  total_fee: number;
  result_code: string;
}

const appliedOrders = new Set<string>();
let ledgerTotalFen = 0;

export const main_handler = async (notice: PaymentNotice) => {
  const key = notice.out_trade_no;
  if (appliedOrders.has(key)) {
    console.log(`duplicate notice for ${key}: already applied, acknowledging again`);
    return { return_code: 'SUCCESS', duplicate: true };
  }
  if (notice.result_code !== 'SUCCESS') {
    console.log(`order ${key} not paid (${notice.result_code}): nothing to apply`);
    return { return_code: 'SUCCESS', duplicate: false };
  }
  ledgerTotalFen += notice.total_fee;
  appliedOrders.add(key);
  console.log(`order ${key} paid: +${notice.total_fee} fen, ledger ${ledgerTotalFen} fen`);
  return { return_code: 'SUCCESS', duplicate: false };
};
