// 销售数据经消息队列送到 ERP：点餐这边发完消息就不管了，由这个订阅函数把一次调用收到的记录
// 按门店合并，每家店发一个 ERP 请求。ERP 宕机时，消息就在队列里等着，点餐这边完全感觉不到。
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
    // 只读 msgBody：msgTag 是字符串还是数组，各处资料说法不一。
    let sale: Sale;
    try {
      sale = JSON.parse(record.CMQ.msgBody) as Sale;
    } catch {
      // 让整批失败会把正常的消息也重新投递一遍；永远解析不了的消息，跳过并记一条日志就够了。
      console.error(`msg ${record.CMQ.msgId}: body is not JSON, skipped`);
      continue;
    }
    (byStore[sale.storeId] ??= []).push(sale);
  }
  // 每一行都带上订单号，ERP 遇到已经收过的行就可以拒收：消息队列可能把同一条消息投递不止一次。
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
