// The function's own code stays small; the helper comes from the layer,
// which the platform mounts at /opt before the instance starts.
import { formatYuan } from '/opt/money';

export const main_handler = async (event: { orderId: string; totalFen: number }) => {
  const total = formatYuan(event.totalFen);
  console.log(`order ${event.orderId}: ${total}`);
  return { orderId: event.orderId, total };
};
