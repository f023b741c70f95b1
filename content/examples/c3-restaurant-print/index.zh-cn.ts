// 云打印：已支付的订单要送到所在门店的后厨打印机。每台打印机的客户端都和 API 网关保持着一条
// WebSocket 连接，连接建立时，`register` 函数已经把它的 secConnectionID 存了下来。要推送，
// 函数就向网关的反向推送地址 POST 一条 `data send` 消息。这个函数只负责构造这条消息；
// 为了能直接运行，省掉了 HTTP 调用。
interface PaidOrder {
  orderId: string;
  storeId: string;
  table?: string;
  lines: Array<{ sku: string; qty: number }>;
}

// 模拟 register 和 cleanup 函数维护在数据库里的连接表。模块作用域在实例之间不共享，
// 所以真实系统不能把它放在这里。
const printerConnections: Record<string, string> = {
  'SZ-01': 'xawexasdfewezdfsdfeasdfffa==',
};

export const main_handler = async (order: PaidOrder) => {
  const secConnectionID = printerConnections[order.storeId];
  if (!secConnectionID) {
    // 抛异常会让异步调用重试，短暂离线的打印机就有机会重新连上。
    throw new Error(`no printer connected for store ${order.storeId}`);
  }
  const ticket = [
    `#${order.orderId}  table ${order.table ?? '-'}`,
    ...order.lines.map((line) => `${line.qty} x ${line.sku}`),
  ].join('\n');
  const push = {
    websocket: { action: 'data send', secConnectionID, dataType: 'text', data: JSON.stringify({ type: 'print', ticket }) },
  };
  console.log(`would POST to the reverse-push URL for ${order.storeId}:\n${ticket}`);
  return push;
};
