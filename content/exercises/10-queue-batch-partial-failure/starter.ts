// Paid orders reach the ERP through an SQS queue. Lambda polls the queue and calls this function with a batch of
// messages; each body should be an order such as {"orderId":"SZ-01-0001","amount":88}.
// Today the first bad message (a body that is not JSON, or an order without an id or a positive amount) makes the
// function throw. Lambda then counts the whole batch as failed, and every message in it comes back to the queue:
// the good ones already saved are saved again on the next try, and the good ones after the bad one wait for it.
// Instead:
// - Save every good message, each once, and keep going past the bad ones.
// - Return { batchItemFailures: [{ itemIdentifier: <messageId> }, ...] } listing only the messages that failed,
//   so that only those are delivered again. An all-good batch returns { batchItemFailures: [] }.
// - Do not throw because of a bad message.
import type { SQSEvent } from 'aws-lambda';

interface Sale {
  orderId: string;
  amount: number;
}

/** Reads an order from a message body; throws when the body is not a valid order. */
function parseSale(body: string): Sale {
  const sale = JSON.parse(body) as Partial<Sale> | null;
  if (typeof sale?.orderId !== 'string' || sale.orderId === '') throw new Error('the order has no orderId');
  if (typeof sale.amount !== 'number' || !(sale.amount > 0)) throw new Error(`order ${sale.orderId}: amount must be a positive number`);
  return { orderId: sale.orderId, amount: sale.amount };
}

// The ERP call, simulated: it logs "saved order <id>". Leave it as it is.
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
