import { defineChecks, expectOk, expectThat, show } from '../../../playground/workshop/check-api.ts';
import sample from './event.json' with { type: 'json' };

const withName = (name: string | undefined) => ({
  ...sample,
  rawQueryString: name === undefined ? '' : `name=${encodeURIComponent(name)}`,
  queryStringParameters: name === undefined ? undefined : { name },
});

export default defineChecks([
  {
    title: { en: 'Lambda finds the handler it is configured with', 'zh-cn': 'Lambda 能找到配置的执行方法' },
    async run(fn) {
      const result = await fn.invoke(withName('Ada'));
      expectThat(result.error?.errorType !== 'Runtime.HandlerNotFound', {
        en: `Lambda reported: ${result.error?.errorMessage}. It calls the export named after the dot in "index.handler".`,
        'zh-cn': `Lambda 报告：${result.error?.errorMessage}。Lambda 调用的是 "index.handler" 中点号后面那个名字的导出。`,
      });
      expectOk(result);
    },
  },
  {
    title: { en: 'Greets the name from the HTTP API query string, or "world"', 'zh-cn': '问候 HTTP API 查询参数里的 name，没有时问候 "world"' },
    async run(fn) {
      for (const [name, expected] of [['Ada', 'Ada'], [undefined, 'world']] as const) {
        const response = (await fn.invoke(withName(name))).value as { statusCode?: unknown; body?: unknown };
        expectThat(response?.statusCode === 200 && response.body === JSON.stringify({ hello: expected }), {
          en: `For name=${show(name)} the answer was ${show(response)}; expected statusCode 200 and body {"hello":"${expected}"}. HTTP API events carry the query in queryStringParameters.`,
          'zh-cn': `name=${show(name)} 时返回 ${show(response)}；应为 statusCode 200、body 为 {"hello":"${expected}"}。HTTP API 事件的查询参数在 queryStringParameters 里。`,
        });
      }
    },
  },
  {
    title: { en: "Logs Lambda's request id", 'zh-cn': '在日志里打印 Lambda 的请求 ID' },
    async run(fn) {
      const result = await fn.invoke(withName('Ada'));
      expectThat(result.logs.some((line) => line.includes(result.requestId)), {
        en: 'No log line carried the request id. In Lambda it is context.awsRequestId.',
        'zh-cn': '日志里没有请求 ID。在 Lambda 里它叫 context.awsRequestId。',
      });
    },
  },
]);
