// An SQS consumer: Lambda polls the queue and passes a batch of messages. Reporting only the failed messages
// (ReportBatchItemFailures in serverless.yml) sends just those back to the queue instead of the whole batch.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

interface Order {
  orderId: string;
  amount: number;
}

function parseOrder(body: string): Order {
  const order = JSON.parse(body) as Partial<Order>;
  if (typeof order.orderId !== 'string' || typeof order.amount !== 'number' || order.amount <= 0) {
    throw new Error(`not an order: ${body}`);
  }
  return { orderId: order.orderId, amount: order.amount };
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const order = parseOrder(record.body);
      console.log(`order ${order.orderId}: ${order.amount.toFixed(2)}`);
    } catch (error) {
      console.error(`message ${record.messageId}: ${(error as Error).message}`);
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
