// 已付款的订单经由 SQS 队列进入 ERP。Lambda 轮询队列，每次用一批消息调用这个函数；每条消息的 body 应当是
// 一个订单，例如 {"orderId":"SZ-01-0001","amount":88}。
// 现在遇到第一条有问题的消息（body 不是 JSON，或者订单没有 ID、金额不是正数），函数就抛出异常。Lambda 于是把整批都算作
// 失败，批里的每条消息都回到队列：已经保存过的正常消息下次会再保存一遍，排在有问题的消息后面的正常消息也要跟着它一起等。
// 改成这样：
// - 每条正常消息都保存，而且只保存一次；遇到有问题的消息继续往下处理。
// - 返回 { batchItemFailures: [{ itemIdentifier: <messageId> }, ...] }，只列出失败的消息，这样只有它们会被
//   再次投递。整批都没问题时返回 { batchItemFailures: [] }。
// - 不要因为一条有问题的消息就抛出异常。
import type { SQSEvent } from 'aws-lambda';

interface Sale {
  orderId: string;
  amount: number;
}

/** 从消息 body 里读出订单；body 不是合法订单时抛出异常。 */
function parseSale(body: string): Sale {
  const sale = JSON.parse(body) as Partial<Sale> | null;
  if (typeof sale?.orderId !== 'string' || sale.orderId === '') throw new Error('the order has no orderId');
  if (typeof sale.amount !== 'number' || !(sale.amount > 0)) throw new Error(`order ${sale.orderId}: amount must be a positive number`);
  return { orderId: sale.orderId, amount: sale.amount };
}

// 模拟的 ERP 调用：打印 "saved order <id>"。保持原样，不要修改。
async function saveSale(sale: Sale): Promise<void> {
  console.log(`saved order ${sale.orderId} (${sale.amount.toFixed(2)})`);
}

export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const sale = parseSale(record.body);
    await saveSale(sale);
  }
  return { batchItemFailures: [] as { itemIdentifier: string }[] };
};
