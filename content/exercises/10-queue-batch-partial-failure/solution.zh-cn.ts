import type { SQSEvent } from 'aws-lambda';

interface Sale {
  orderId: string;
  amount: number;
}

function parseSale(body: string): Sale {
  const sale = JSON.parse(body) as Partial<Sale> | null;
  if (typeof sale?.orderId !== 'string' || sale.orderId === '') throw new Error('the order has no orderId');
  if (typeof sale.amount !== 'number' || !(sale.amount > 0)) throw new Error(`order ${sale.orderId}: amount must be a positive number`);
  return { orderId: sale.orderId, amount: sale.amount };
}

async function saveSale(sale: Sale): Promise<void> {
  console.log(`saved order ${sale.orderId} (${sale.amount.toFixed(2)})`);
}

// 只有事件源映射的 FunctionResponseTypes 里包含 ReportBatchItemFailures 时，Lambda 才会读这个列表。
export const handler = async (event: SQSEvent) => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await saveSale(parseSale(record.body));
    } catch (error) {
      // 只有这一条消息回到队列，批里其余的消息都已处理完。
      console.log(`message ${record.messageId} failed: ${(error as Error).message}`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  console.log(`${event.Records.length - batchItemFailures.length} saved, ${batchItemFailures.length} to retry`);
  return { batchItemFailures };
};
