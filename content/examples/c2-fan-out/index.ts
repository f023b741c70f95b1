// Fan-out: one order message in, one task per tag category out, so each
// category is computed by its own worker and fails or retries on its own.
// Each task carries a stable key: a redelivered order (queues deliver at
// least once) yields the same keys, and workers can skip what they have done.
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

// Stands in for a queue client that sends the task to a topic.
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
