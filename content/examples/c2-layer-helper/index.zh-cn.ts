// 函数自身的代码保持精简；工具函数来自层，平台在实例启动前就把层挂载到 /opt。
import { formatYuan } from '/opt/money';

export const main_handler = async (event: { orderId: string; totalFen: number }) => {
  const total = formatYuan(event.totalFen);
  console.log(`order ${event.orderId}: ${total}`);
  return { orderId: event.orderId, total };
};
