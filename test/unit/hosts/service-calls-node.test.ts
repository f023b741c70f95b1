import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { compileFiles } from '../../../playground/compiler/node.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import { RealClock } from '../../../playground/faas/real-clock.ts';
import { NodeInstanceHost } from '../../../playground/hosts/node/node-instance-host.ts';
import { WebSocketGateway } from '../../../playground/services/websocket-gateway.ts';

/** During a "data send", pushes the text to every connection named in it (comma-separated) and answers the statuses. */
const RELAY = `export const main_handler = async (event: { websocket: { action: string; secConnectionID: string; data?: string } }) => {
  const { action, secConnectionID, data } = event.websocket;
  if (action !== 'data send') return { errNo: 0, errMsg: 'ok', websocket: { action, secConnectionID } };
  const [text, ...to] = (data ?? '').split(',');
  const answers = [];
  for (const id of to) {
    const response = await fetch(process.env.WEBSOCKET_PUSH_URL!, { method: 'POST', body: JSON.stringify({ websocket: { action: 'data send', secConnectionID: id, dataType: 'text', data: text } }) });
    answers.push({ status: response.status, body: await response.json() });
  }
  return answers;
};`;

let platform: Platform | undefined;
let server: Server | undefined;

afterEach(() => {
  platform?.shutdown();
  platform = undefined;
  server?.close();
  server = undefined;
});

async function deployed(code: string): Promise<{ platform: Platform; gateway: WebSocketGateway }> {
  const compiled = await compileFiles({ entry: 'index.ts', files: { 'index.ts': code } });
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  platform = new Platform({ clock: new RealClock(), host: new NodeInstanceHost() });
  const gateway = new WebSocketGateway((name, event) => platform!.invoke(name, event), 'ws', platform.services);
  platform.deploy({ name: 'ws', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, memoryMb: 128, timeoutS: 3, env: gateway.environment });
  return { platform, gateway };
}

describe('a handler calls the platform’s services during its invocation (Node host)', () => {
  it('a POST to the reverse-push URL reaches the gateway, and its status comes back: 200 for an open connection, 410 for a closed one', async () => {
    const { gateway } = await deployed(RELAY);
    await gateway.connect('till');
    await gateway.connect('printer');
    await gateway.connect('gone');
    await gateway.disconnect('gone');
    const record = await gateway.send('till', 'ticket #12,printer,gone');
    expect(record.status).toBe('ok');
    expect(record.result).toEqual([
      { status: 200, body: { errNo: 0, errMsg: 'ok' } },
      { status: 410, body: { errMsg: '410 Gone: connection gone is closed, so nothing can be pushed to it' } },
    ]);
    expect(gateway.received('printer')).toEqual(['ticket #12']);
    expect(gateway.pushes.map((push) => [push.connectionId, push.delivered, push.requestId])).toEqual([
      ['printer', true, record.requestId],
      ['gone', false, record.requestId],
    ]);
  });

  it('leaves every other fetch as it was: a request to a server on 127.0.0.1 goes to the network', async () => {
    server = createServer((_request, response) => response.end('from the network'));
    await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { platform: p } = await deployed(`export const main_handler = async () => (await fetch('http://127.0.0.1:${port}/')).text();`);
    expect(await p.invoke('ws', {})).toMatchObject({ status: 'ok', result: 'from the network' });
  });

  it('refuses a body over the limit and a 17th call in flight with a clear error, inside the handler', async () => {
    const { platform: p } = await deployed(`export const main_handler = async () => {
      const url = process.env.WEBSOCKET_PUSH_URL!;
      const big = await fetch(url, { method: 'POST', body: 'x'.repeat(200 * 1024) }).then(() => 'sent', (e: Error) => e.message);
      const many = await Promise.allSettled(Array.from({ length: 17 }, () => fetch(url, { method: 'POST', body: '{}' })));
      return { big, refused: many.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message), answered: many.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Response>).value.status) };
    };`);
    const record = await p.invoke('ws', {});
    expect(record.status).toBe('ok');
    const result = record.result as { big: string; refused: string[]; answered: number[] };
    expect(result.big).toMatch(/over 131072 bytes/);
    expect(result.refused).toEqual([expect.stringMatching(/16 calls to the platform's services are already waiting/)]);
    expect(result.answered).toEqual(Array(16).fill(400));
  });

  it('ends an instance that forges a flood of calls, an oversized call, a call elsewhere or an answer, with a protocol error', async () => {
    const forge = (message: string) => `export const main_handler = async () => {
      const port = require('worker_threads').parentPort;
      ${message}
      await new Promise((r) => setTimeout(r, 1000));
    };`;
    const url = 'https://set-websocket.apigateway.hello-serverless.invalid/api-service-f94sy04v';
    const cases = {
      flood: `for (let i = 0; i < 1000; i++) port.postMessage({ v: 1, type: 'call', callId: 1000 + i, requestId: null, url: '${url}', method: 'POST', body: '{}' });`,
      oversized: `port.postMessage({ v: 1, type: 'call', callId: 1, requestId: null, url: '${url}', method: 'POST', body: 'x'.repeat(200 * 1024) });`,
      elsewhere: `port.postMessage({ v: 1, type: 'call', callId: 1, requestId: null, url: 'http://127.0.0.1:1/', method: 'POST', body: '{}' });`,
      answer: `port.postMessage({ v: 1, type: 'answer', callId: 0, status: 200, body: '{}' });`,
    };
    for (const [name, message] of Object.entries(cases)) {
      const { platform: p } = await deployed(forge(message));
      const record = await p.invoke('ws', {});
      expect({ name, status: record.status, errorType: record.error?.errorType }).toEqual({ name, status: expect.stringMatching(/^(error|crashed)$/), errorType: 'Runtime.ProtocolError' });
      p.shutdown();
    }
  });
});
