import { defineChecks, expectOk, expectThat, show, type Harness } from '../../../playground/workshop/check-api.ts';
import { apiGatewayEvent, cosEvent, queueEvent, timerEvent } from './events.ts';

const cases = [
  { title: { en: 'Recognises an API gateway event', 'zh-cn': '识别 API 网关事件' }, event: apiGatewayEvent, expected: { kind: 'http', path: '/orders' } },
  { title: { en: 'Recognises a timer event', 'zh-cn': '识别定时器事件' }, event: timerEvent, expected: { kind: 'timer', trigger: 'EveryMorning' } },
  { title: { en: 'Recognises a COS upload event', 'zh-cn': '识别 COS 上传事件' }, event: cosEvent, expected: { kind: 'cos', key: '/1250000000/menu/photos/pizza.jpg' } },
  { title: { en: 'Recognises a CMQ message event', 'zh-cn': '识别 CMQ 消息事件' }, event: queueEvent, expected: { kind: 'queue', message: 'order 42 paid' } },
];

export default defineChecks([
  ...cases.map(({ title, event, expected }) => ({
    title,
    async run(fn: Harness) {
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
