import { defineChecks, expectOk, expectThat, show } from '../../../playground/workshop/check-api.ts';
import { apiGatewayEvent, cosEvent, queueEvent, timerEvent } from './events.ts';

const cases = [
  { name: { en: 'API gateway', 'zh-cn': 'API 网关' }, event: apiGatewayEvent, expected: { kind: 'http', path: '/orders' } },
  { name: { en: 'timer', 'zh-cn': '定时器' }, event: timerEvent, expected: { kind: 'timer', trigger: 'EveryMorning' } },
  { name: { en: 'COS upload', 'zh-cn': 'COS 上传' }, event: cosEvent, expected: { kind: 'cos', key: '/1250000000/menu/photos/pizza.jpg' } },
  { name: { en: 'CMQ message', 'zh-cn': 'CMQ 消息' }, event: queueEvent, expected: { kind: 'queue', message: 'order 42 paid' } },
];

export default defineChecks([
  ...cases.map(({ name, event, expected }) => ({
    title: { en: `Recognises a ${name.en} event`, 'zh-cn': `识别${name['zh-cn']}事件` },
    async run(fn: import('../../../playground/workshop/check-api.ts').Harness) {
      const result = await fn.invoke(event);
      expectOk(result);
      expectThat(JSON.stringify(result.value) === JSON.stringify(expected), {
        en: `Returned ${show(result.value)}, expected ${show(expected)}.`,
        'zh-cn': `返回了 ${show(result.value)}，应为 ${show(expected)}。`,
      });
    },
  })),
  {
    title: { en: 'Throws on an event it does not know', 'zh-cn': '遇到不认识的事件时抛出错误' },
    async run(fn) {
      const result = await fn.invoke({ hello: 'who am I?' });
      expectThat(!result.ok, {
        en: `An unknown event returned ${show(result.value)}. Throw an Error so the caller sees a failure.`,
        'zh-cn': `不认识的事件返回了 ${show(result.value)}。请抛出 Error，让调用方看到失败。`,
      });
    },
  },
]);
