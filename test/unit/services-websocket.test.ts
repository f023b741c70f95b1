import { describe, expect, it } from 'vitest';
import { ConnectionGoneError, WebSocketGateway } from '../../playground/services/websocket-gateway.ts';
import { scriptedPlatform } from './services-platform.ts';

interface WsEvent {
  websocket: { action: string; secConnectionID: string; data?: string };
}

/** A chat-like function: every message is pushed to every connection it has seen connect, closed or not. */
function forgetfulRelay() {
  const seen: string[] = [];
  const actions: string[] = [];
  const handler = (event: unknown) => {
    const { action, secConnectionID, data } = (event as WsEvent).websocket;
    actions.push(`${action} ${secConnectionID}`);
    if (action === 'connecting') {
      if (secConnectionID === 'refused') return { errNo: 1, errMsg: 'no' };
      seen.push(secConnectionID);
      return { errNo: 0, errMsg: 'ok', websocket: { action, secConnectionID } };
    }
    if (action === 'data send') {
      if (data === 'boom') throw new Error('cannot read that');
      return { push: seen.map((connectionId) => ({ connectionId, data })) };
    }
    return {};
  };
  return { handler, actions };
}

describe('a WebSocket gateway in front of a function', () => {
  it('opens a connection only when the function answers errNo 0', async () => {
    const { handler } = forgetfulRelay();
    const gateway = new WebSocketGateway(scriptedPlatform({ ws: handler }).invoke, 'ws');
    expect((await gateway.connect('c1')).accepted).toBe(true);
    expect((await gateway.connect('refused')).accepted).toBe(false);
    expect(gateway.store.openIds()).toEqual(['c1']);
    await expect(gateway.send('refused', 'hi')).rejects.toThrow(/refused is not open/);
  });

  it('pushes what the answer asks for, and refuses and records a push to a closed connection', async () => {
    const { handler } = forgetfulRelay();
    const gateway = new WebSocketGateway(scriptedPlatform({ ws: handler }).invoke, 'ws');
    await gateway.connect('c1');
    await gateway.connect('c2');
    await gateway.disconnect('c2');
    const record = await gateway.send('c1', 'hello');
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
    const gateway = new WebSocketGateway(scriptedPlatform({ ws: handler }).invoke, 'ws');
    await gateway.connect('c1');
    await gateway.disconnect('c1');
    expect(() => gateway.push('c1', 'x')).toThrow(ConnectionGoneError);
    expect(() => gateway.push('never', 'x')).toThrow(/never was never opened/);
    expect(gateway.pushes.map((push) => push.delivered)).toEqual([false, false]);
  });

  it('closes the sender’s connection when a "data send" call fails, and tells the function with "closing"', async () => {
    const { handler, actions } = forgetfulRelay();
    const gateway = new WebSocketGateway(scriptedPlatform({ ws: handler }).invoke, 'ws');
    await gateway.connect('c1');
    const record = await gateway.send('c1', 'boom');
    expect(record.status).toBe('error');
    expect(gateway.store.get('c1')).toEqual({ id: 'c1', open: false, closeCause: 'failed-call' });
    expect(actions).toEqual(['connecting c1', 'data send c1', 'closing c1']);
  });

  it('records a malformed push entry as refused instead of guessing', async () => {
    const gateway = new WebSocketGateway(scriptedPlatform({ ws: () => ({ errNo: 0, push: [{ connectionId: 7 }] }) }).invoke, 'ws');
    await gateway.connect('c1');
    expect(gateway.pushes[0]?.delivered).toBe(false);
    expect(gateway.pushes[0]?.refusal).toMatch(/a push must be \{ connectionId: string, data: string \}/);
  });
});
