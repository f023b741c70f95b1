// 支付通知可能投递不止一次。商户订单号就是幂等键：重复的通知照样确认，但绝不会入账两次。
// 这些变量只存在于一个实例里；真实代码要把键存进所有实例共享的数据库（用唯一键或条件写入）。
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
