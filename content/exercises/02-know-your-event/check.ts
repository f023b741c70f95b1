import { deepEqual, defineChecks, expectOk, expectThat, fieldDifference, show, type Harness } from '../../../playground/workshop/check-api.ts';
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
      const { extra, missing } = fieldDifference(result.value, expected);
      const because =
        extra.length > 0
          ? { en: ` Remove the field(s) ${extra.join(', ')}: the result holds only ${Object.keys(expected).join(' and ')}.`, 'zh-cn': ` 请去掉字段 ${extra.join('、')}：结果只含 ${Object.keys(expected).join(' 和 ')}。` }
          : missing.length > 0
            ? { en: ` The field(s) ${missing.join(', ')} are missing.`, 'zh-cn': ` 缺少字段 ${missing.join('、')}。` }
            : { en: ' The order of the fields does not matter; their values differ.', 'zh-cn': ' 字段的顺序无关紧要；是字段的值不同。' };
      expectThat(deepEqual(result.value, expected), {
        en: `Returned ${show(result.value)}, expected ${show(expected)}.${because.en}`,
        'zh-cn': `返回了 ${show(result.value)}，应为 ${show(expected)}。${because['zh-cn']}`,
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
