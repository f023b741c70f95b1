import { defineChecks, expectOk, expectThat, show } from '../../../playground/workshop/check-api.ts';
import notification from './event.json' with { type: 'json' };

interface Answer {
  code?: unknown;
  credited?: unknown;
  entries?: unknown;
}

export default defineChecks([
  {
    title: { en: 'Credits an order once, however often it is notified', 'zh-cn': '同一订单无论通知几次，只入账一次' },
    async run(fn) {
      const order = { ...notification, out_trade_no: 'order-check-1' };
      const answers: Answer[] = [];
      for (let delivery = 0; delivery < 3; delivery += 1) {
        const result = await fn.invoke(order);
        expectOk(result);
        answers.push(result.value as Answer);
      }
      const credited = answers.filter((answer) => answer?.credited === true).length;
      expectThat(credited === 1, {
        en: `Three deliveries of one notification credited the order ${credited} times; it must be exactly once.`,
        'zh-cn': `同一通知投递三次，订单入账了 ${credited} 次；应该恰好一次。`,
      });
    },
  },
  {
    title: { en: 'Answers SUCCESS to every delivery, duplicates included', 'zh-cn': '每次投递都回复 SUCCESS，重复的也一样' },
    async run(fn) {
      const order = { ...notification, out_trade_no: 'order-check-2' };
      for (let delivery = 0; delivery < 2; delivery += 1) {
        const answer = (await fn.invoke(order)).value as Answer;
        expectThat(answer?.code === 'SUCCESS', {
          en: `Delivery ${delivery + 1} got ${show(answer)}. Anything but SUCCESS makes the provider retry again.`,
          'zh-cn': `第 ${delivery + 1} 次投递得到 ${show(answer)}。只要不是 SUCCESS，支付方就会继续重试。`,
        });
      }
    },
  },
  {
    title: { en: 'Still credits a different order', 'zh-cn': '不同的订单仍然正常入账' },
    async run(fn) {
      const first = (await fn.invoke({ ...notification, out_trade_no: 'order-check-3' })).value as Answer;
      const second = (await fn.invoke({ ...notification, out_trade_no: 'order-check-4' })).value as Answer;
      expectThat(first?.credited === true && second?.credited === true, {
        en: `Two different orders answered ${show(first)} and ${show(second)}; both must be credited.`,
        'zh-cn': `两个不同订单分别返回 ${show(first)} 和 ${show(second)}；两者都应入账。`,
      });
      expectThat(typeof second.entries === 'number' && typeof first.entries === 'number' && second.entries === first.entries + 1, {
        en: 'The ledger did not grow by one for the second order.',
        'zh-cn': '第二个订单入账后，账本条目没有增加一条。',
      });
    },
  },
]);
