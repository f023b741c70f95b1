// Cloud printing: a paid order must reach the kitchen printer of its store.
// Each printer's client holds a WebSocket connection to the API gateway; a
// "register" function stored its secConnectionID when it connected. To push,
// a function POSTs a "data send" message to the gateway's reverse-push URL.
// This one builds that message; the HTTP call is left out to keep it runnable.
interface PaidOrder {
  orderId: string;
  storeId: string;
  table?: string;
  lines: Array<{ sku: string; qty: number }>;
}

// Stands in for the connection table the register and cleanup functions keep
// in a database. Module scope is not shared between instances, so a real
// system cannot keep it here.
const printerConnections: Record<string, string> = {
  'SZ-01': 'xawexasdfewezdfsdfeasdfffa==',
};

export const main_handler = async (order: PaidOrder) => {
  const secConnectionID = printerConnections[order.storeId];
  if (!secConnectionID) {
    // Throwing makes an async invocation retry, which gives a printer that
    // was briefly offline a chance to reconnect.
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
