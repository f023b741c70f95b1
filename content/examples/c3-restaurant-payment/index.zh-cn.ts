// 统一支付回调。支付平台可能把同一条通知推送不止一次，所以第二次收到时必须返回和第一次相同的结果，
// 而且什么都不改：不会再标一次已支付，也不会再发一次积分。
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

// 放在模块作用域只是为了演示：它只存在于一个实例里，实例回收后就没了，而重复的通知可能落到另一个实例上。
// 真实系统要在把订单标为已支付的同一个事务里，把订单号写进数据库，靠唯一键（或条件写入）防止重复处理。
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
    // 校验失败不记下来：等订单建好之后，同样的通知再来时就可能通过。
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
