import { defineChecks, expectThat, show, type CheckedInvocation, type Harness } from '../../../playground/workshop/check-api.ts';
import sample from './event.json' with { type: 'json' };

const template = sample.Records[0]!;

interface Message {
  messageId: string;
  orderId: string;
  body: string;
  good: boolean;
}

/** A message of batch `batch`, number `n`; `body` overrides the good order body. */
function message(batch: string, n: number, body?: string): Message {
  const orderId = `${batch}-${String(n).padStart(4, '0')}`;
  return {
    messageId: `0e6c${batch.toLowerCase()}-4f1a-4b2c-8d3e-${String(n).padStart(12, '0')}`,
    orderId,
    body: body ?? JSON.stringify({ orderId, amount: 20 + n }),
    good: body === undefined,
  };
}

const sqsEvent = (messages: Message[]) => ({
  Records: messages.map((m) => ({ ...template, messageId: m.messageId, receiptHandle: `AQEB${m.messageId}`, body: m.body, md5OfBody: m.messageId.replace(/-/g, '') })),
});

interface Answer {
  batchItemFailures?: unknown;
}

/** The messageIds the answer reports as failed, or undefined when the answer is not a batch response. */
function reported(value: unknown): string[] | undefined {
  const failures = (value as Answer | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures)) return undefined;
  return failures.map((entry: unknown) => {
    const id = (entry as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    return typeof id === 'string' ? id : JSON.stringify(entry);
  });
}

const savedCount = (result: CheckedInvocation, orderId: string) => result.logs.filter((line) => line.includes(`saved order ${orderId} `)).length;

/** Invokes a batch and insists that the function answered it instead of throwing. */
async function answerTo(fn: Harness, messages: Message[]): Promise<{ result: CheckedInvocation; failed: string[] }> {
  const result = await fn.invoke(sqsEvent(messages));
  const bad = messages.filter((m) => !m.good).length;
  const saved = messages.filter((m) => m.good && savedCount(result, m.orderId) > 0).length;
  expectThat(result.ok, {
    en: `A batch of ${messages.length} messages (${bad} bad) made the function throw (${result.error?.errorType}: ${result.error?.errorMessage}). Lambda then treats the whole batch as failed and all ${messages.length} messages come back to the queue${saved > 0 ? `, including the ${saved} already saved, which will be saved again` : ''}. Catch the error per message and report it in batchItemFailures.`,
    'zh-cn': `一批 ${messages.length} 条消息（其中 ${bad} 条有问题）让函数抛出了异常（${result.error?.errorType}: ${result.error?.errorMessage}）。Lambda 会因此把整批都当作失败：${messages.length} 条消息全部回到队列${saved > 0 ? `，其中已经保存过的 ${saved} 条下次还会再保存一遍` : ''}。请逐条捕获错误，写进 batchItemFailures。`,
  });
  const failed = reported(result.value);
  expectThat(failed !== undefined, {
    en: `The function returned ${show(result.value)}; expected an object { batchItemFailures: [...] } with a list, even when it is empty.`,
    'zh-cn': `函数返回了 ${show(result.value)}；应返回 { batchItemFailures: [...] } 形式的对象，即使列表为空也要有这个字段。`,
  });
  return { result, failed };
}

function expectFailuresAre(failed: string[], messages: Message[]): void {
  const expected = messages.filter((m) => !m.good).map((m) => m.messageId);
  const orderIds = messages.map((m) => m.orderId);
  const usedOrderIds = failed.some((id) => orderIds.includes(id));
  const same = failed.length === expected.length && expected.every((id) => failed.includes(id));
  expectThat(same, {
    en: usedOrderIds
      ? `batchItemFailures named ${show(failed)}: those are order ids. Lambda matches failures by the message's messageId, so report { itemIdentifier: record.messageId }.`
      : `batchItemFailures named ${show(failed)}; expected exactly the failed messages' ids ${show(expected)}, in any order, each once. A good message listed there would be delivered and saved again; a bad one left out would be deleted from the queue unprocessed.`,
    'zh-cn': usedOrderIds
      ? `batchItemFailures 里写的是 ${show(failed)}：这些是订单号。Lambda 按消息的 messageId 识别失败的消息，所以请返回 { itemIdentifier: record.messageId }。`
      : `batchItemFailures 里写的是 ${show(failed)}；应当恰好是失败消息的 ID ${show(expected)}，顺序不限，每个只出现一次。正常的消息写进去会被再投递、再保存一次；有问题的消息漏掉了，就会未经处理直接从队列里删掉。`,
  });
}

function expectSavedOnce(result: CheckedInvocation, messages: Message[]): void {
  for (const m of messages) {
    const count = savedCount(result, m.orderId);
    const expected = m.good ? 1 : 0;
    expectThat(count === expected, {
      en: m.good
        ? `Order ${m.orderId} is a good message but was saved ${count} times in this batch; every good message must be saved exactly once, bad neighbours or not.`
        : `Order ${m.orderId} came in a bad message but was saved anyway (${count} times).`,
      'zh-cn': m.good
        ? `订单 ${m.orderId} 的消息没有问题，在这一批里却保存了 ${count} 次；不管旁边有没有有问题的消息，每条正常的消息都必须恰好保存一次。`
        : `订单 ${m.orderId} 所在的消息有问题，却仍然被保存了（${count} 次）。`,
    });
  }
}

export default defineChecks([
  {
    title: { en: 'Reports no failures for a batch that is all good', 'zh-cn': '整批都没问题时不报告任何失败' },
    async run(fn) {
      const messages = [message('SZ01', 1), message('SZ01', 2), message('SZ01', 3)];
      const { result, failed } = await answerTo(fn, messages);
      expectThat(failed.length === 0, {
        en: `Every message in the batch was good, yet batchItemFailures was ${show(failed)}; it must be empty, or those messages are delivered again.`,
        'zh-cn': `这一批消息全都没问题，batchItemFailures 却是 ${show(failed)}；它必须为空，否则这些消息会被再次投递。`,
      });
      expectSavedOnce(result, messages);
    },
  },
  {
    title: { en: 'Reports exactly the failed messages of a mixed batch, by messageId', 'zh-cn': '混合批次里只报告失败的那几条，用 messageId 标识' },
    async run(fn) {
      const messages = [
        message('GZ05', 1),
        message('GZ05', 2, '{"orderId":"GZ05-0002","amount":'),
        message('GZ05', 3),
        message('GZ05', 4, JSON.stringify({ orderId: 'GZ05-0004', amount: -15 })),
        message('GZ05', 5),
      ];
      const { failed } = await answerTo(fn, messages);
      expectFailuresAre(failed, messages);
    },
  },
  {
    title: { en: 'Saves every good message of a mixed batch once, including those after a bad one', 'zh-cn': '混合批次里的每条正常消息都保存且只保存一次，排在有问题的消息后面的也不例外' },
    async run(fn) {
      const messages = [message('SH03', 1), message('SH03', 2, 'not an order'), message('SH03', 3), message('SH03', 4, JSON.stringify({ amount: 30 })), message('SH03', 5)];
      const { result } = await answerTo(fn, messages);
      expectSavedOnce(result, messages);
    },
  },
  {
    title: { en: 'Answers without throwing even when every message fails', 'zh-cn': '即使整批消息都失败，也照常返回而不抛出异常' },
    async run(fn) {
      const messages = [message('BJ02', 1, ''), message('BJ02', 2, JSON.stringify({ orderId: 'BJ02-0002', amount: 0 }))];
      const { failed } = await answerTo(fn, messages);
      expectFailuresAre(failed, messages);
    },
  },
]);
