import { describe, expect, it } from 'vitest';
import { ConnectionGoneError, PUSH_URL_VARIABLE, WebSocketGateway } from '../../playground/services/websocket-gateway.ts';
import { scriptedPlatform, type ScriptedHandler } from './services-platform.ts';

interface WsEvent {
  websocket: { action: string; secConnectionID: string; data?: string };
}

const pushBody = (secConnectionID: string, data: string) => JSON.stringify({ websocket: { action: 'data send', secConnectionID, dataType: 'text', data } });

/**
 * A chat-like function: during each "data send" it POSTs the message to every connection it has seen connect,
 * closed or not, to the reverse-push URL in its variables, and answers with the statuses it got.
 */
function forgetfulRelay() {
  const seen: string[] = [];
  const actions: string[] = [];
  const handler: ScriptedHandler = async (event, instance) => {
    const { action, secConnectionID, data } = (event as WsEvent).websocket;
    actions.push(`${action} ${secConnectionID}`);
    if (action === 'connecting') {
      if (secConnectionID === 'refused') return { errNo: 1, errMsg: 'no' };
      seen.push(secConnectionID);
      return { errNo: 0, errMsg: 'ok', websocket: { action, secConnectionID } };
    }
    if (action === 'data send') {
      if (data === 'boom') throw new Error('cannot read that');
      const url = instance.env[PUSH_URL_VARIABLE] ?? '';
      const answers = await Promise.all(seen.map((id) => instance.post(url, pushBody(id, data ?? ''))));
      return { statuses: answers.map((answer) => answer.status) };
    }
    return {};
  };
  return { handler, actions };
}

/** A gateway in front of function "ws", which it deploys with its reverse-push URL, as SCF's gateway does. */
function gatewayFor(handler: ScriptedHandler): WebSocketGateway {
  const { platform, invoke } = scriptedPlatform({ ws: handler });
  const gateway = new WebSocketGateway(invoke, 'ws', platform.services);
  platform.deploy({ name: 'ws', dialect: 'scf', exportName: 'main_handler', bundle: '', memoryMb: 128, timeoutS: 3, env: gateway.environment });
  return gateway;
}

describe('a WebSocket gateway in front of a function', () => {
  it('opens a connection only when the function answers errNo 0', async () => {
    const { handler } = forgetfulRelay();
    const gateway = gatewayFor(handler);
    expect((await gateway.connect('c1')).accepted).toBe(true);
    expect((await gateway.connect('refused')).accepted).toBe(false);
    expect(gateway.store.openIds()).toEqual(['c1']);
    await expect(gateway.send('refused', 'hi')).rejects.toThrow(/refused is not open/);
  });

  it('pushes what the function POSTs to its reverse-push URL during the call, and answers 410 for a closed connection', async () => {
    const { handler } = forgetfulRelay();
    const gateway = gatewayFor(handler);
    expect(gateway.pushUrl).toMatch(/^https:\/\/set-websocket\.apigateway\.hello-serverless\.invalid\/api-service-/);
    await gateway.connect('c1');
    await gateway.connect('c2');
    await gateway.disconnect('c2');
    const record = await gateway.send('c1', 'hello');
    expect(record.result).toEqual({ statuses: [200, 410] });
    expect(gateway.received('c1')).toEqual(['hello']);
    expect(gateway.received('c2')).toEqual([]);
    expect(gateway.pushes).toEqual([
      { connectionId: 'c1', data: 'hello', delivered: true, requestId: record.requestId },
      { connectionId: 'c2', data: 'hello', delivered: false, refusal: '410 Gone: connection c2 is closed, so nothing can be pushed to it', requestId: record.requestId },
    ]);
    expect(gateway.store.openIds()).toEqual(['c1']);
  });

  it('push() throws a ConnectionGoneError for a closed or unknown connection', async () => {
    const { handler } = forgetfulRelay();
    const gateway = gatewayFor(handler);
    await gateway.connect('c1');
    await gateway.disconnect('c1');
    expect(() => gateway.push('c1', 'x')).toThrow(ConnectionGoneError);
    expect(() => gateway.push('never', 'x')).toThrow(/never was never opened/);
    expect(gateway.pushes.map((push) => push.delivered)).toEqual([false, false]);
  });

  it('closes the sender’s connection when a "data send" call fails, and tells the function with "closing"', async () => {
    const { handler, actions } = forgetfulRelay();
    const gateway = gatewayFor(handler);
    await gateway.connect('c1');
    const record = await gateway.send('c1', 'boom');
    expect(record.status).toBe('error');
    expect(gateway.store.get('c1')).toEqual({ id: 'c1', open: false, closeCause: 'failed-call' });
    expect(actions).toEqual(['connecting c1', 'data send c1', 'closing c1']);
  });

  it('answers a malformed push with 400 and another method with 405, and pushes nothing', async () => {
    const { platform, invoke } = scriptedPlatform({ ws: () => ({ errNo: 0 }) });
    const gateway = new WebSocketGateway(invoke, 'ws', platform.services);
    await gateway.connect('c1');
    const call = (method: string, body: string) => platform.services.call({ requestId: null, url: gateway.pushUrl, method, body });
    expect((await call('POST', '{"websocket":{"action":"data send","secConnectionID":7}}')).status).toBe(400);
    expect(JSON.parse((await call('POST', 'hello')).body)).toEqual({ errMsg: expect.stringMatching(/not JSON/) });
    expect((await call('GET', pushBody('c1', 'x'))).status).toBe(405);
    expect((await call('POST', pushBody('c1', 'x'))).status).toBe(200);
    expect(gateway.received('c1')).toEqual(['x']);
    gateway.close();
    expect((await call('POST', pushBody('c1', 'y'))).status).toBe(404);
  });
});
