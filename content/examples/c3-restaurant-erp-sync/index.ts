// Sales reach the ERP through a queue: the ordering side publishes and moves
// on, and this subscriber turns the records one invocation receives into one
// ERP request per store. If the ERP is down, the messages wait in the queue
// and the ordering side never notices.
interface QueueEvent {
  Records: Array<{ CMQ: { msgId: string; msgBody: string } }>;
}

interface Sale {
  orderId: string;
  storeId: string;
  totalFen: number;
}

export const main_handler = async (event: QueueEvent) => {
  const byStore: Record<string, Sale[]> = {};
  for (const record of event.Records) {
    // Read only msgBody: sources disagree on whether msgTag is a string or an array.
    let sale: Sale;
    try {
      sale = JSON.parse(record.CMQ.msgBody) as Sale;
    } catch {
      // Failing the whole batch would redeliver the good messages too; a
      // message that can never parse only needs to be set aside and logged.
      console.error(`msg ${record.CMQ.msgId}: body is not JSON, skipped`);
      continue;
    }
    (byStore[sale.storeId] ??= []).push(sale);
  }
  // Order ids go with each line so the ERP can reject a line it already has:
  // a queue may deliver the same message more than once.
  const requests = Object.entries(byStore).map(([storeId, sales]) => ({
    storeId,
    lines: sales.map((sale) => ({ orderId: sale.orderId, amountFen: sale.totalFen })),
    totalFen: sales.reduce((sum, sale) => sum + sale.totalFen, 0),
  }));
  for (const request of requests) {
    console.log(`ERP ${request.storeId}: ${request.lines.length} sales, ${request.totalFen} fen`);
  }
  return { received: event.Records.length, erpRequests: requests };
};
