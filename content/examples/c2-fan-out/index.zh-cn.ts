// 扇出：进来一条订单消息，出去的是每类标签各一个任务，每类标签由各自的消费者计算，
// 各自失败、各自重试。每个任务都带一个固定的键：订单被重复投递时（队列是至少一次投递），
// 生成的键和上次相同，消费者就能跳过已经做过的任务。
interface CmqRecord {
  CMQ: { msgId: string; topicName: string; msgBody: string };
}
interface Order {
  orderId: string;
  memberId: string;
  totalFen: number;
}
interface TagTask {
  key: string;
  category: string;
  memberId: string;
}

const TAG_CATEGORIES = ['frequency', 'preference', 'spend'];

// 用来代替队列客户端，把任务发送到主题。
function publish(task: TagTask) {
  console.log(`publish ${task.category} task ${task.key}`);
}

export const main_handler = async (event: { Records: CmqRecord[] }) => {
  const published: string[] = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.CMQ.msgBody) as Order;
    for (const category of TAG_CATEGORIES) {
      const task = { key: `${order.orderId}:${category}`, category, memberId: order.memberId };
      publish(task);
      published.push(task.key);
    }
  }
  return { orders: event.Records.length, published };
};
