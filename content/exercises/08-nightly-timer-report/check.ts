import { defineChecks, expectOk, expectThat, show, type CheckedInvocation, type Harness } from '../../../playground/workshop/check-api.ts';
import sample from './event.json' with { type: 'json' };

interface Report {
  day?: unknown;
  alert?: unknown;
  anomalies?: unknown;
}

/** A timer tick at 02:00 UTC on `date`; the report it triggers is for the day before. */
const tick = (date: string, fields: Record<string, unknown> = {}) => ({ ...sample, Time: `${date}T02:00:00Z`, ...fields });

const alertLines = (result: CheckedInvocation) => result.logs.filter((line) => line.includes('ALERT'));
const sentences = (report: Report | undefined): string[] =>
  Array.isArray(report?.anomalies) ? report.anomalies.filter((entry): entry is string => typeof entry === 'string') : [];

/** Runs one tick and checks what every report must have: it succeeded and it names the day before the event's Time. */
async function report(fn: Harness, event: { Time: string }, day: string): Promise<{ result: CheckedInvocation; answer: Report }> {
  const result = await fn.invoke(event);
  expectOk(result);
  const answer = result.value as Report;
  expectThat(answer?.day === day, {
    en: `A run at ${event.Time} reported on day ${show(answer?.day)}; it must check ${day}, the day before the event's Time. Take the day from the event, not from the clock: a late or retried run has to check the same day.`,
    'zh-cn': `在 ${event.Time} 触发的这次运行报告的日期是 ${show(answer?.day)}；应当检查 ${day}，也就是事件 Time 的前一天。日期要从事件里取，不能读系统时钟：延迟或重试的运行也必须检查同一天。`,
  });
  return { result, answer };
}

async function expectQuiet(fn: Harness, event: { Time: string }, day: string): Promise<void> {
  const { result, answer } = await report(fn, event, day);
  expectThat(answer.alert === false && Array.isArray(answer.anomalies) && answer.anomalies.length === 0, {
    en: `Every store looked normal on ${day}, yet the function returned ${show(answer)}. Return alert: false and an empty anomalies list on a night with nothing to report.`,
    'zh-cn': `${day} 各门店的数据都正常，函数却返回了 ${show(answer)}。没有异常的晚上应返回 alert: false，anomalies 为空列表。`,
  });
  expectThat(alertLines(result).length === 0, {
    en: `On a normal night the function still logged ${show(alertLines(result)[0])}. An alert that fires every night is one nobody reads: log ALERT only when there is something to act on.`,
    'zh-cn': `数据正常的晚上，函数仍然打印了 ${show(alertLines(result)[0])}。每晚都响的告警没人会看：只有真正需要处理时才打印 ALERT。`,
  });
}

/** Checks an alert that must name `stores` (and no other store of the fixture). */
async function expectAlert(fn: Harness, event: { Time: string }, day: string, stores: string[]): Promise<string[]> {
  const { result, answer } = await report(fn, event, day);
  const found = sentences(answer);
  expectThat(answer.alert === true && found.length > 0, {
    en: `${day} has something wrong, but the function returned ${show(answer)}. Return alert: true with one sentence per anomaly in anomalies.`,
    'zh-cn': `${day} 的数据有异常，函数却返回了 ${show(answer)}。应返回 alert: true，并在 anomalies 里为每个异常写一句话。`,
  });
  for (const store of ['SZ-01', 'SZ-02', 'GZ-05']) {
    const named = found.some((sentence) => sentence.includes(store));
    const expected = stores.includes(store);
    expectThat(named === expected, {
      en: expected
        ? `The anomalies for ${day} were ${show(found)}; none of them names ${store}, which is one of the stores to look at.`
        : `The anomalies for ${day} were ${show(found)}; ${store} was normal that day and should not be listed. Report the stores that need attention, not every store.`,
      'zh-cn': expected
        ? `${day} 的异常列表是 ${show(found)}；其中没有提到 ${store}，而它正是需要关注的门店。`
        : `${day} 的异常列表是 ${show(found)}；${store} 那天一切正常，不应出现在列表里。只列出需要处理的门店，而不是所有门店。`,
    });
  }
  expectThat(alertLines(result).length > 0, {
    en: `The function returned an alert for ${day} but logged no line containing ALERT, so a log-based alarm would never fire. Log one.`,
    'zh-cn': `函数返回了 ${day} 的告警，日志里却没有包含 ALERT 的行，基于日志的告警永远不会触发。请打印一行。`,
  });
  return found;
}

const notTimer = (what: string, whatZh: string, event: unknown) => ({ what, whatZh, event });

export default defineChecks([
  {
    title: { en: 'Stays quiet on a normal night', 'zh-cn': '数据正常的晚上不告警' },
    async run(fn) {
      await expectQuiet(fn, tick('2026-11-23'), '2026-11-22');
    },
  },
  {
    title: { en: 'Alerts on a store with no orders or with unpaid orders, naming only those stores', 'zh-cn': '门店没有订单或有未付款订单时告警，并且只点名这些门店' },
    async run(fn) {
      await expectAlert(fn, tick('2026-11-24'), '2026-11-23', ['SZ-02', 'GZ-05']);
      await expectAlert(fn, tick('2026-11-26'), '2026-11-25', ['SZ-01']);
    },
  },
  {
    title: { en: 'Alerts when the day has no figures at all', 'zh-cn': '当天完全没有数据时也告警' },
    async run(fn) {
      const found = await expectAlert(fn, tick('2026-11-27'), '2026-11-26', []);
      expectThat(found.some((sentence) => sentence.includes('2026-11-26')), {
        en: `The alert for a day with no figures said ${show(found)}. Say which day is missing, so someone can go and find out why.`,
        'zh-cn': `没有数据的那天，告警内容是 ${show(found)}。请写明缺的是哪一天的数据，方便有人去查原因。`,
      });
    },
  },
  {
    title: { en: 'Accepts the timer event with Type in lower case', 'zh-cn': 'Type 为小写 "timer" 的定时器事件同样接受' },
    async run(fn) {
      const event = tick('2026-11-25', { Type: 'timer' });
      const result = await fn.invoke(event);
      expectThat(result.ok, {
        en: `A timer event with "Type": "timer" failed (${result.error?.errorType}: ${result.error?.errorMessage}). Sources disagree on the casing, so compare Type case-insensitively.`,
        'zh-cn': `"Type": "timer" 的定时器事件执行失败（${result.error?.errorType}: ${result.error?.errorMessage}）。各处资料对大小写说法不一，比较 Type 时请忽略大小写。`,
      });
      await expectQuiet(fn, event, '2026-11-24');
    },
  },
  {
    title: { en: 'Refuses an event that is not from a timer, with an error that says so', 'zh-cn': '不是定时器发来的事件一律拒绝，并在错误里说明原因' },
    async run(fn) {
      const cases = [
        notTimer('an API gateway request', 'API 网关请求', {
          requestContext: { serviceId: 'service-f94sy04v', path: '/report', httpMethod: 'GET', stage: 'release' },
          headers: {},
          body: '',
          path: '/report',
          httpMethod: 'GET',
        }),
        notTimer('a COS upload', 'COS 上传事件', {
          Records: [{ cos: { cosObject: { key: '/1250000000/reports/2026-11-23.csv', size: 2048 } }, event: { eventName: 'cos:ObjectCreated:Put' } }],
        }),
      ];
      for (const { what, whatZh, event } of cases) {
        const result = await fn.invoke(event);
        expectThat(!result.ok, {
          en: `For ${what} the function returned ${show(result.value)}. This function belongs to a timer trigger: throw an Error so that a miswired trigger shows up as a failure.`,
          'zh-cn': `收到${whatZh}时函数返回了 ${show(result.value)}。这个函数只属于定时触发器：请抛出 Error，让接错的触发器以失败的形式暴露出来。`,
        });
        expectThat(/timer/i.test(result.error?.errorMessage ?? ''), {
          en: `For ${what} the function failed with ${show(`${result.error?.errorType}: ${result.error?.errorMessage}`)}. Say what was wrong: the message should mention that a timer event was expected.`,
          'zh-cn': `收到${whatZh}时函数以 ${show(`${result.error?.errorType}: ${result.error?.errorMessage}`)} 失败。请把原因说清楚：错误信息里应提到期望的是定时器（timer）事件。`,
        });
        expectThat(alertLines(result).length === 0, {
          en: `For ${what} the function logged ${show(alertLines(result)[0])}. Reject the event before doing any work, and certainly before alerting.`,
          'zh-cn': `收到${whatZh}时函数打印了 ${show(alertLines(result)[0])}。应当在做任何事之前拒绝这个事件，更不能发出告警。`,
        });
      }
    },
  },
]);
