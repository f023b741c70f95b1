// The unified payment callback. The payment provider may send the same
// notification more than once, so the second delivery must get the same answer
// as the first and change nothing: no second "paid", no second loyalty points.
interface PaymentNotice {
  out_trade_no: string;
  transaction_id: string;
  total_fee: number;
  result_code: string;
}

interface Answer {
  return_code: 'SUCCESS' | 'FAIL';
  return_msg: string;
}

// Module scope is only for the demo: it lives in ONE instance and is lost when
// the instance is recycled, while a repeat may reach another instance. A real
// system records the order number in a database with a unique key (or a
// conditional update) in the same transaction that marks the order paid.
const orders: Record<string, { totalFen: number; status: string }> = {
  'SZ-01-c6af9ac6': { totalFen: 12400, status: 'awaiting-payment' },
};
const answered = new Map<string, Answer>();
let pointsAwarded = 0;

export const main_handler = async (notice: PaymentNotice): Promise<Answer> => {
  const key = notice.out_trade_no;
  const earlier = answered.get(key);
  if (earlier) {
    console.log(`repeat notice for ${key}: answering as before, nothing applied`);
    return earlier;
  }
  const order = orders[key];
  if (!order || notice.result_code !== 'SUCCESS' || notice.total_fee !== order.totalFen) {
    // Not remembered: a failed check may succeed once the order exists.
    console.warn(`notice for ${key} does not match an unpaid order`);
    return { return_code: 'FAIL', return_msg: 'order or amount mismatch' };
  }
  order.status = 'paid';
  pointsAwarded += Math.floor(notice.total_fee / 100);
  const answer: Answer = { return_code: 'SUCCESS', return_msg: 'OK' };
  answered.set(key, answer);
  console.log(`order ${key} paid (${notice.transaction_id}); loyalty points awarded so far: ${pointsAwarded}`);
  return answer;
};
