import { defineChecks, expectOk, expectThat, show } from '../../../playground/workshop/check-api.ts';
import sample from './event.json' with { type: 'json' };

const withName = (name: string | undefined) => ({
  ...sample,
  queryString: name === undefined ? {} : { name },
  queryStringParameters: name === undefined ? {} : { name },
});

interface IntegratedResponse {
  isBase64Encoded?: unknown;
  statusCode?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

export default defineChecks([
  {
    title: { en: 'Answers with status 200 and isBase64Encoded: false', 'zh-cn': '返回状态码 200，且 isBase64Encoded 为 false' },
    async run(fn) {
      const result = await fn.invoke(withName('Ada'));
      expectOk(result);
      const response = result.value as IntegratedResponse;
      expectThat(response?.statusCode === 200, {
        en: `statusCode was ${show(response?.statusCode)}, expected 200.`,
        'zh-cn': `statusCode 是 ${show(response?.statusCode)}，应为 200。`,
      });
      expectThat(response.isBase64Encoded === false, {
        en: 'Set isBase64Encoded to false: the body is plain text, not base64.',
        'zh-cn': '请把 isBase64Encoded 设为 false：body 是普通文本，不是 base64。',
      });
    },
  },
  {
    title: { en: 'Says the body is JSON in a Content-Type header', 'zh-cn': '用 Content-Type 头声明 body 是 JSON' },
    async run(fn) {
      const response = (await fn.invoke(withName('Ada'))).value as IntegratedResponse;
      const header = Object.entries(response?.headers ?? {}).find(([key]) => key.toLowerCase() === 'content-type');
      expectThat(typeof header?.[1] === 'string' && header[1].includes('application/json'), {
        en: `Content-Type was ${show(header?.[1])}; API gateway passes it to the browser, so say application/json.`,
        'zh-cn': `Content-Type 是 ${show(header?.[1])}；API 网关会把它原样交给浏览器，请写成 application/json。`,
      });
    },
  },
  {
    title: { en: 'Greets the name from the query string, or "world"', 'zh-cn': '问候查询参数里的 name，没有时问候 "world"' },
    async run(fn) {
      for (const [name, expected] of [['Ada', 'Ada'], ['李雷', '李雷'], [undefined, 'world']] as const) {
        const response = (await fn.invoke(withName(name))).value as IntegratedResponse;
        let body: unknown;
        try {
          body = typeof response?.body === 'string' ? JSON.parse(response.body) : undefined;
        } catch {
          body = undefined;
        }
        expectThat((body as { hello?: unknown } | undefined)?.hello === expected, {
          en: `For name=${show(name)} the body was ${show(response?.body)}; expected the JSON text {"hello":"${expected}"}.`,
          'zh-cn': `name=${show(name)} 时 body 是 ${show(response?.body)}；应为 JSON 文本 {"hello":"${expected}"}。`,
        });
      }
    },
  },
  {
    title: { en: 'Logs the request id from the context', 'zh-cn': '在日志里打印 context 中的请求 ID' },
    async run(fn) {
      const result = await fn.invoke(withName('Ada'));
      const requestIdLogged = result.logs.some((line) => line.includes(result.requestId));
      expectThat(requestIdLogged, {
        en: 'No log line carried the request id. Log context.request_id: it is what you search logs by.',
        'zh-cn': '日志里没有请求 ID。请打印 context.request_id，排查问题时就靠它检索日志。',
      });
    },
  },
]);
