import type { WebSocketGateway } from '../../../playground/services/websocket-gateway.ts';
import { defineChecks, expectThat, show, type Harness } from '../../../playground/workshop/check-api.ts';

interface JobAnswer {
  printer?: unknown;
  pushedTo?: unknown;
  queued?: unknown;
  error?: unknown;
}

// The gateway deploys the function with its reverse-push URL and plays the clients. Each check uses connection ids
// and printers of its own: the function's connection store lives on across checks.

/** Opens a connection, failing the check with the answer when the function does not accept it. */
async function connect(gateway: WebSocketGateway, secConnectionID: string): Promise<void> {
  const { accepted, record } = await gateway.connect(secConnectionID);
  const answer = record.result as { errNo?: unknown; websocket?: { secConnectionID?: unknown } } | undefined;
  expectThat(accepted && answer?.websocket?.secConnectionID === secConnectionID, {
    en: `A connection request was answered ${record.status === 'ok' ? show(answer) : `with an error (${record.error?.errorMessage})`}. The gateway accepts a connection only when the answer has errNo 0 and websocket.secConnectionID set to the connection's id.`,
    'zh-cn': `建立连接的请求得到的回答是 ${record.status === 'ok' ? show(answer) : `一个错误（${record.error?.errorMessage}）`}。只有回答里 errNo 为 0、websocket.secConnectionID 是这条连接的 ID 时，网关才会接受连接。`,
  });
}

/** Sends a message, failing the check when the call failed (the gateway then closed the sender's connection). */
async function send(gateway: WebSocketGateway, secConnectionID: string, data: string, what: { en: string; 'zh-cn': string }): Promise<JobAnswer | undefined> {
  const record = await gateway.send(secConnectionID, data);
  expectThat(record.status === 'ok', {
    en: `For ${what.en} the function threw (${record.error?.errorType}: ${record.error?.errorMessage}). The gateway sees a failed call and closes the sender's connection. Return { error: "..." } instead.`,
    'zh-cn': `收到${what['zh-cn']}时函数抛出了异常（${record.error?.errorType}: ${record.error?.errorMessage}）。网关看到调用失败，就会把发送方的连接断开。请改为返回 { error: "..." }。`,
  });
  return record.result as JobAnswer | undefined;
}

/** Connects a printer client and has it say hello, as the printer's software does. */
async function connectPrinter(gateway: WebSocketGateway, secConnectionID: string, printer: string): Promise<void> {
  await connect(gateway, secConnectionID);
  await send(gateway, secConnectionID, JSON.stringify({ type: 'hello', printer }), { en: `the hello of printer ${printer}`, 'zh-cn': `打印机 ${printer} 的 hello` });
}

/** Sends a print job for `printer` from a till's connection and returns the answer. */
async function printJob(gateway: WebSocketGateway, till: string, printer: string, ticket: string): Promise<JobAnswer | undefined> {
  return send(gateway, till, JSON.stringify({ type: 'print', printer, ticket }), { en: `a print job for ${printer}`, 'zh-cn': `发给 ${printer} 的打印任务` });
}

/** The connections a job's ticket reached. */
const reached = (gateway: WebSocketGateway, ticket: string): string[] =>
  gateway.pushes.filter((push) => push.delivered && push.data.includes(ticket)).map((push) => push.connectionId);

const pushedTo = (answer: JobAnswer | undefined): unknown[] => (Array.isArray(answer?.pushedTo) ? answer.pushedTo : []);

export default defineChecks([
  {
    title: { en: 'Pushes a print job to its printer’s connection only, during the call', 'zh-cn': '在调用过程中，把打印任务只推送给对应打印机的连接' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const [till, kitchen, bar] = ['till-SZ-01-aaaaaaaaaaaaaaaaaaaa=', 'printer-SZ-01-kitchen-bbbbbbbbbb=', 'printer-SZ-01-bar-cccccccccccccc='];
      await connect(gateway, till);
      await connectPrinter(gateway, kitchen, 'SZ-01-kitchen');
      await connectPrinter(gateway, bar, 'SZ-01-bar');
      const ticket = '#A12  1 x durian pizza';
      const answer = await printJob(gateway, till, 'SZ-01-kitchen', ticket);
      const to = reached(gateway, ticket);
      expectThat(to.length === 1 && to[0] === kitchen, {
        en: `With the kitchen and bar printers connected, a job for SZ-01-kitchen reached ${show(to)} (the function answered ${show(answer)}). POST it to the reverse-push URL in WEBSOCKET_PUSH_URL for the kitchen printer's connection and nothing else: the bar printer and the till must not print the kitchen's ticket.`,
        'zh-cn': `后厨和吧台两台打印机都已连接，发给 SZ-01-kitchen 的任务到达了 ${show(to)}（函数的回答是 ${show(answer)}）。只为后厨打印机的连接把它 POST 到 WEBSOCKET_PUSH_URL 里的反向推送地址：吧台打印机和收银台都不该打出后厨的小票。`,
      });
      expectThat(pushedTo(answer).length === 1 && pushedTo(answer)[0] === kitchen && answer?.queued === false, {
        en: `The job reached the kitchen printer, but the function answered ${show(answer)}; expected pushedTo: [${JSON.stringify(kitchen)}] and queued: false.`,
        'zh-cn': `任务已经到达后厨打印机，但函数的回答是 ${show(answer)}；应为 pushedTo: [${JSON.stringify(kitchen)}] 且 queued: false。`,
      });
    },
  },
  {
    title: { en: 'Never pushes to a printer that has disconnected, and reports the job as queued', 'zh-cn': '绝不推送给已断开的打印机，并报告任务已排队等待' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const [till, kitchen, bar] = ['till-GZ-05-dddddddddddddddddddd=', 'printer-GZ-05-kitchen-eeeeeeeeee=', 'printer-GZ-05-bar-ffffffffffffff='];
      await connect(gateway, till);
      await connectPrinter(gateway, kitchen, 'GZ-05-kitchen');
      await connectPrinter(gateway, bar, 'GZ-05-bar');
      await printJob(gateway, till, 'GZ-05-kitchen', '#B01  2 x lemon tea');
      expectThat(reached(gateway, '#B01').length === 1, {
        en: `Before any disconnect, a job for GZ-05-kitchen reached ${show(reached(gateway, '#B01'))}; expected its one connection.`,
        'zh-cn': `还没有任何连接断开时，发给 GZ-05-kitchen 的任务到达了 ${show(reached(gateway, '#B01'))}；应当正好是它的那一条连接。`,
      });
      await gateway.disconnect(kitchen);
      const after = await printJob(gateway, till, 'GZ-05-kitchen', '#B02  1 x tiramisu');
      const refused = gateway.pushes.filter((push) => push.connectionId === kitchen && !push.delivered);
      expectThat(refused.length === 0, {
        en: `After the kitchen printer's connection closed, a job for it was still POSTed for that connection, and the gateway answered 410 Gone. That connection no longer exists: remove it from the store when the "closing" event arrives.`,
        'zh-cn': `后厨打印机的连接已经断开，发给它的任务仍然为那条连接 POST 了推送，网关回答 410 Gone。那条连接已经不存在了：收到 "closing" 事件时要把它从连接表里删掉。`,
      });
      expectThat(pushedTo(after).length === 0 && after?.queued === true, {
        en: `With its printer offline, the job was answered ${show(after)}; expected pushedTo: [] and queued: true, so the job is kept until the printer is back.`,
        'zh-cn': `打印机离线时，这个任务得到的回答是 ${show(after)}；应为 pushedTo: [] 且 queued: true，任务先留着，等打印机重新上线。`,
      });
      await printJob(gateway, till, 'GZ-05-bar', '#B03  1 x margherita pizza');
      expectThat(gateway.received(bar).some((data) => data.includes('#B03')), {
        en: `After the kitchen printer left, a job for GZ-05-bar never reached it (it received ${show(gateway.received(bar))}); the bar printer is still connected and must still get its jobs.`,
        'zh-cn': `后厨打印机断开之后，发给 GZ-05-bar 的任务没有到达它（它收到的是 ${show(gateway.received(bar))}）；吧台打印机仍在线，照样应该收到任务。`,
      });
    },
  },
  {
    title: { en: 'Answers a message it does not understand with an error, without throwing', 'zh-cn': '看不懂的消息用错误回答，而不是抛出异常' },
    async run(fn: Harness) {
      const gateway = fn.webSocketGateway();
      const [till, printer] = ['till-SH-03-hhhhhhhhhhhhhhhhhhhh=', 'printer-SH-03-kitchen-gggggggggg='];
      await connect(gateway, till);
      await connectPrinter(gateway, printer, 'SH-03-kitchen');
      const cases: [string, string, string][] = [
        [JSON.stringify({ type: 'reprint-everything', printer: 'SH-03-kitchen' }), 'an unknown message type', '未知的消息类型'],
        ['print the last ticket again, please', 'a message that is not JSON', '不是 JSON 的消息'],
        [JSON.stringify({ type: 'print', ticket: '#C07  1 x tiramisu' }), 'a print job that names no printer', '没有指明打印机的打印任务'],
      ];
      for (const [data, what, whatZh] of cases) {
        const answer = await send(gateway, till, data, { en: what, 'zh-cn': whatZh });
        expectThat(typeof answer?.error === 'string' && answer.error.trim() !== '' && gateway.pushes.length === 0, {
          en: `For ${what} the function answered ${show(answer)} and pushed ${show(gateway.pushes.map((push) => push.data))}; expected an "error" string that says what is wrong, and nothing pushed to any printer.`,
          'zh-cn': `收到${whatZh}时函数的回答是 ${show(answer)}，推送了 ${show(gateway.pushes.map((push) => push.data))}；应当有一个说明问题所在的 "error" 字符串，并且不推送给任何打印机。`,
        });
      }
      await printJob(gateway, till, 'SH-03-kitchen', '#C08  1 x durian pizza');
      expectThat(gateway.received(printer).some((data) => data.includes('#C08')), {
        en: `After the bad messages, a job for SH-03-kitchen never reached its printer (it received ${show(gateway.received(printer))}); a bad message must not disturb the printers that are connected.`,
        'zh-cn': `几条错误消息之后，发给 SH-03-kitchen 的任务没有到达它的打印机（它收到的是 ${show(gateway.received(printer))}）；错误消息不应影响已连接的打印机。`,
      });
    },
  },
]);
