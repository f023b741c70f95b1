import { closingEvent, connectingEvent, dataSendEvent } from '../../../playground/services/websocket-events.ts';
import { defineChecks, expectOk, expectThat, show, type Harness } from '../../../playground/workshop/check-api.ts';

interface JobAnswer {
  printer?: unknown;
  pushTo?: unknown;
  queued?: unknown;
  error?: unknown;
}

// Each check uses connection ids and printers of its own: the function's connection store lives on across checks.
const connect = (secConnectionID: string) => connectingEvent(secConnectionID, { serviceId: 'service-f94sy04v', path: '/print' });
const send = dataSendEvent;
const closing = closingEvent;

/** Connects a printer client and has it say hello, as the printer's software does. */
async function connectPrinter(fn: Harness, secConnectionID: string, printer: string): Promise<void> {
  const accepted = await fn.invoke(connect(secConnectionID));
  expectOk(accepted);
  const answer = accepted.value as { errNo?: unknown; websocket?: { secConnectionID?: unknown } } | undefined;
  expectThat(answer?.errNo === 0 && answer.websocket?.secConnectionID === secConnectionID, {
    en: `A connection request was answered ${show(answer)}. The gateway accepts a connection only when the answer has errNo 0 and websocket.secConnectionID set to the connection's id.`,
    'zh-cn': `建立连接的请求得到的回答是 ${show(answer)}。只有回答里 errNo 为 0、websocket.secConnectionID 是这条连接的 ID 时，网关才会接受连接。`,
  });
  const hello = await fn.invoke(send(secConnectionID, JSON.stringify({ type: 'hello', printer })));
  expectOk(hello);
}

/** Sends a print job for `printer` from a till's connection and returns the answer. */
async function printJob(fn: Harness, till: string, printer: string): Promise<JobAnswer | undefined> {
  const result = await fn.invoke(send(till, JSON.stringify({ type: 'print', printer, ticket: '#A12  1 x durian pizza' })));
  expectOk(result);
  return result.value as JobAnswer | undefined;
}

const targets = (answer: JobAnswer | undefined): unknown[] => (Array.isArray(answer?.pushTo) ? answer.pushTo : []);
const sameSet = (list: unknown[], expected: string[]) => list.length === expected.length && expected.every((id) => list.includes(id));

export default defineChecks([
  {
    title: { en: 'Pushes a print job to its printer’s connection only', 'zh-cn': '打印任务只推送给对应打印机的连接' },
    async run(fn) {
      await fn.invoke(connect('till-SZ-01-aaaaaaaaaaaaaaaaaaaa='));
      await connectPrinter(fn, 'printer-SZ-01-kitchen-bbbbbbbbbb=', 'SZ-01-kitchen');
      await connectPrinter(fn, 'printer-SZ-01-bar-cccccccccccccc=', 'SZ-01-bar');
      const answer = await printJob(fn, 'till-SZ-01-aaaaaaaaaaaaaaaaaaaa=', 'SZ-01-kitchen');
      expectThat(Array.isArray(answer?.pushTo) && sameSet(answer.pushTo, ['printer-SZ-01-kitchen-bbbbbbbbbb=']), {
        en: `With the kitchen and bar printers connected, a job for SZ-01-kitchen was answered ${show(answer)}. pushTo must list the kitchen printer's connection and nothing else: the bar printer and the till must not print the kitchen's ticket.`,
        'zh-cn': `后厨和吧台两台打印机都已连接，发给 SZ-01-kitchen 的任务得到的回答是 ${show(answer)}。pushTo 里应当只有后厨打印机的连接：吧台打印机和收银台都不该打出后厨的小票。`,
      });
    },
  },
  {
    title: { en: 'Never pushes to a printer that has disconnected, and reports the job as queued', 'zh-cn': '绝不推送给已断开的打印机，并报告任务已排队等待' },
    async run(fn) {
      await fn.invoke(connect('till-GZ-05-dddddddddddddddddddd='));
      await connectPrinter(fn, 'printer-GZ-05-kitchen-eeeeeeeeee=', 'GZ-05-kitchen');
      await connectPrinter(fn, 'printer-GZ-05-bar-ffffffffffffff=', 'GZ-05-bar');
      const before = await printJob(fn, 'till-GZ-05-dddddddddddddddddddd=', 'GZ-05-kitchen');
      expectThat(sameSet(targets(before), ['printer-GZ-05-kitchen-eeeeeeeeee=']), {
        en: `Before any disconnect, a job for GZ-05-kitchen was answered ${show(before)}; expected pushTo with its one connection.`,
        'zh-cn': `还没有任何连接断开时，发给 GZ-05-kitchen 的任务得到的回答是 ${show(before)}；pushTo 里应当正好是它的那一条连接。`,
      });
      const closed = await fn.invoke(closing('printer-GZ-05-kitchen-eeeeeeeeee='));
      expectOk(closed);
      const after = await printJob(fn, 'till-GZ-05-dddddddddddddddddddd=', 'GZ-05-kitchen');
      expectThat(targets(after).length === 0, {
        en: `After the kitchen printer's connection closed, a job for it was still pushed to ${show(targets(after))}. That connection no longer exists: remove it from the store when the "closing" event arrives.`,
        'zh-cn': `后厨打印机的连接已经断开，发给它的任务仍然推送到了 ${show(targets(after))}。那条连接已经不存在了：收到 "closing" 事件时要把它从连接表里删掉。`,
      });
      expectThat(Array.isArray(after?.pushTo) && after.queued === true, {
        en: `With its printer offline, the job was answered ${show(after)}; expected pushTo: [] and queued: true, so the job is kept until the printer is back.`,
        'zh-cn': `打印机离线时，这个任务得到的回答是 ${show(after)}；应为 pushTo: [] 且 queued: true，任务先留着，等打印机重新上线。`,
      });
      const other = await printJob(fn, 'till-GZ-05-dddddddddddddddddddd=', 'GZ-05-bar');
      expectThat(sameSet(targets(other), ['printer-GZ-05-bar-ffffffffffffff=']), {
        en: `After the kitchen printer left, a job for GZ-05-bar was answered ${show(other)}; the bar printer is still connected and must still get its jobs.`,
        'zh-cn': `后厨打印机断开之后，发给 GZ-05-bar 的任务得到的回答是 ${show(other)}；吧台打印机仍在线，照样应该收到任务。`,
      });
    },
  },
  {
    title: { en: 'Answers a message it does not understand with an error, without throwing', 'zh-cn': '看不懂的消息用错误回答，而不是抛出异常' },
    async run(fn) {
      const printer = 'printer-SH-03-kitchen-gggggggggg=';
      const till = 'till-SH-03-hhhhhhhhhhhhhhhhhhhh=';
      await fn.invoke(connect(till));
      await connectPrinter(fn, printer, 'SH-03-kitchen');
      const cases: [string, string, string][] = [
        [JSON.stringify({ type: 'reprint-everything', printer: 'SH-03-kitchen' }), 'an unknown message type', '未知的消息类型'],
        ['print the last ticket again, please', 'a message that is not JSON', '不是 JSON 的消息'],
        [JSON.stringify({ type: 'print', ticket: '#B07  1 x tiramisu' }), 'a print job that names no printer', '没有指明打印机的打印任务'],
      ];
      for (const [data, what, whatZh] of cases) {
        const result = await fn.invoke(send(till, data));
        expectThat(result.ok, {
          en: `For ${what} the function threw (${result.error?.errorType}: ${result.error?.errorMessage}). The gateway sees a failed call and closes the sender's connection. Return { error: "..." } instead.`,
          'zh-cn': `收到${whatZh}时函数抛出了异常（${result.error?.errorType}: ${result.error?.errorMessage}）。网关看到调用失败，就会把发送方的连接断开。请改为返回 { error: "..." }。`,
        });
        const answer = result.value as JobAnswer | undefined;
        expectThat(typeof answer?.error === 'string' && answer.error.trim() !== '' && targets(answer).length === 0, {
          en: `For ${what} the function answered ${show(answer)}; expected an "error" string that says what is wrong, and nothing pushed to any printer.`,
          'zh-cn': `收到${whatZh}时函数的回答是 ${show(answer)}；应当有一个说明问题所在的 "error" 字符串，并且不推送给任何打印机。`,
        });
      }
      const still = await printJob(fn, till, 'SH-03-kitchen');
      expectThat(sameSet(targets(still), [printer]), {
        en: `After the bad messages, a job for SH-03-kitchen was answered ${show(still)}; a bad message must not disturb the printers that are connected.`,
        'zh-cn': `几条错误消息之后，发给 SH-03-kitchen 的任务得到的回答是 ${show(still)}；错误消息不应影响已连接的打印机。`,
      });
    },
  },
]);
