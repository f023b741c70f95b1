import { defineChecks, expectOk, expectThat, show, type CheckedInvocation, type Harness } from '../../../playground/workshop/check-api.ts';
import sample from './event.json' with { type: 'json' };

const withBody = (body: string, headers: Record<string, string> = {}) => ({ ...sample, body, headers: { ...sample.headers, ...headers } });
const order = (fields: Record<string, unknown>) => withBody(JSON.stringify(fields));

interface IntegratedResponse {
  isBase64Encoded?: unknown;
  statusCode?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** The parsed JSON body of an integrated response, or undefined when it is not JSON text. */
function jsonBody(response: IntegratedResponse | undefined): unknown {
  if (typeof response?.body !== 'string') return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}

/** Checks that a request the client got wrong was answered with a 400 integrated response; returns its error text. */
async function expectBadRequest(fn: Harness, event: unknown, what: string, whatZh: string): Promise<string> {
  const result: CheckedInvocation = await fn.invoke(event);
  expectThat(result.ok, {
    en: `For ${what} the function threw (${result.error?.errorType}: ${result.error?.errorMessage}). The platform records that as a failure of your code, and the client gets no answer it can act on. Return statusCode 400 with a JSON body {"error": "..."} instead.`,
    'zh-cn': `${whatZh}时函数抛出了异常（${result.error?.errorType}: ${result.error?.errorMessage}）。平台会把它记为你的代码出错，客户端也拿不到能据此修改请求的回答。请改为返回 statusCode 400，body 为 JSON {"error": "..."}。`,
  });
  const response = result.value as IntegratedResponse | undefined;
  expectThat(response?.statusCode === 400, {
    en: `For ${what} the function answered ${show(response)}; expected statusCode 400, which says "your request is wrong, do not send it again unchanged".`,
    'zh-cn': `${whatZh}时函数返回了 ${show(response)}；应为 statusCode 400，意思是「请求有问题，原样重发没有用」。`,
  });
  const header = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
  expectThat(response.isBase64Encoded === false && typeof header === 'string' && header.includes('application/json'), {
    en: `The 400 answer for ${what} was ${show(response)}. Give it the full integrated response: isBase64Encoded false and a Content-Type: application/json header, like the 200 one.`,
    'zh-cn': `${whatZh}时的 400 回答是 ${show(response)}。它也要是完整的集成响应：isBase64Encoded 为 false，并带上 Content-Type: application/json 头，和 200 的回答一样。`,
  });
  const error = (jsonBody(response) as { error?: unknown } | undefined)?.error;
  expectThat(typeof error === 'string' && error.trim() !== '', {
    en: `For ${what} the body was ${show(response.body)}; expected JSON text with an "error" string that says what is wrong.`,
    'zh-cn': `${whatZh}时 body 是 ${show(response.body)}；应为 JSON 文本，其中 "error" 字段是一句说明问题所在的字符串。`,
  });
  return error;
}

export default defineChecks([
  {
    title: { en: 'Accepts a good order with status 200', 'zh-cn': '正常的订单返回状态码 200' },
    async run(fn) {
      const result = await fn.invoke(order({ dish: 'margherita', quantity: 2 }));
      expectOk(result);
      const response = result.value as IntegratedResponse | undefined;
      const body = jsonBody(response) as { dish?: unknown; quantity?: unknown } | undefined;
      expectThat(response?.statusCode === 200 && body?.dish === 'margherita' && body.quantity === 2, {
        en: `An order of 2 margherita was answered ${show(response)}; expected statusCode 200 and a JSON body with its dish and quantity.`,
        'zh-cn': `点 2 份 margherita 的订单得到 ${show(response)}；应为 statusCode 200，body 为带有 dish 和 quantity 的 JSON。`,
      });
    },
  },
  {
    title: { en: 'Answers a body that is not an order with 400 and a JSON error', 'zh-cn': 'body 不是订单时返回 400 和 JSON 格式的错误' },
    async run(fn) {
      const cases: [string, string, string][] = [
        ['{"dish": margherita', 'a body that is not JSON', 'body 不是 JSON '],
        ['', 'an empty body', 'body 为空'],
        ['null', 'the body "null"', 'body 为 "null" '],
      ];
      for (const [body, what, whatZh] of cases) await expectBadRequest(fn, withBody(body), what, whatZh);
    },
  },
  {
    title: { en: 'Answers an invalid order with 400 and names the field to fix', 'zh-cn': '订单内容不合法时返回 400，并指出要改哪个字段' },
    async run(fn) {
      const cases: [Record<string, unknown>, string][] = [
        [{ dish: 'pineapple pizza', quantity: 1 }, 'dish'],
        [{ quantity: 1 }, 'dish'],
        [{ dish: 'tiramisu', quantity: 0 }, 'quantity'],
        [{ dish: 'tiramisu', quantity: 2.5 }, 'quantity'],
        [{ dish: 'tiramisu', quantity: '2' }, 'quantity'],
        [{ dish: 'tiramisu', quantity: 21 }, 'quantity'],
      ];
      for (const [fields, field] of cases) {
        const what = `the order ${JSON.stringify(fields)}`;
        const error = await expectBadRequest(fn, order(fields), what, `订单为 ${JSON.stringify(fields)} `);
        expectThat(error.includes(field), {
          en: `For ${what} the error was ${show(error)}. Name the field that is wrong ("${field}"), so the client knows what to change.`,
          'zh-cn': `订单为 ${JSON.stringify(fields)} 时错误信息是 ${show(error)}。请写出出错的字段（"${field}"），让客户端知道该改什么。`,
        });
      }
    },
  },
  {
    title: { en: 'Lets a kitchen outage fail the invocation', 'zh-cn': '后厨服务故障时让这次调用失败' },
    async run(fn) {
      const result = await fn.invoke(withBody('{"dish":"tiramisu","quantity":1}', { 'x-simulate-outage': 'kitchen' }));
      const status = (result.value as IntegratedResponse | undefined)?.statusCode;
      expectThat(!result.ok, {
        en:
          typeof status === 'number' && status >= 400 && status < 500
            ? `During a kitchen outage the function answered ${status}. A 4xx tells the client it sent something wrong, and it did not: let the error fail the invocation.`
            : `During a kitchen outage the function answered ${show(result.value)}. To the platform that invocation succeeded, so the outage never shows in its error count. Let the error fail the invocation.`,
        'zh-cn':
          typeof status === 'number' && status >= 400 && status < 500
            ? `后厨服务故障时函数返回了 ${status}。4xx 是在告诉客户端它的请求有错，可它并没有错：请让这个错误把本次调用变成失败。`
            : `后厨服务故障时函数返回了 ${show(result.value)}。在平台看来这次调用是成功的，故障不会出现在错误统计里。请让这个错误把本次调用变成失败。`,
      });
    },
  },
]);
