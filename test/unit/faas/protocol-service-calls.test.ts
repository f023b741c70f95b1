import { describe, expect, it } from 'vitest';
import { isServiceUrl, parseHostMessage, parseInstanceMessage, SERVICE_CALL_LIMITS } from '../../../playground/faas/protocol.ts';

const URL_OF_GATEWAY = 'https://set-websocket.apigateway.hello-serverless.invalid/api-service-f94sy04v';
const call = (fields: Record<string, unknown> = {}) => ({ v: 1, type: 'call', callId: 0, requestId: 'r1', url: URL_OF_GATEWAY, method: 'POST', body: '{}', ...fields });

describe('calls to the platform’s services in the instance protocol', () => {
  it('takes only URLs on the simulator’s own hosts as services', () => {
    expect(isServiceUrl(URL_OF_GATEWAY)).toBe(true);
    expect(isServiceUrl('https://example.com/api')).toBe(false);
    expect(isServiceUrl('https://hello-serverless.invalid.example.com/')).toBe(false);
    expect(isServiceUrl('not a url')).toBe(false);
  });

  it('accepts a well-formed call and copies only its known fields', () => {
    const parsed = parseInstanceMessage({ ...call(), extra: 'dropped' });
    expect(parsed).toEqual({ ok: true, message: call() });
  });

  it('refuses a call to another URL, with a bad id or method, or over the size limit', () => {
    const problems = [
      call({ url: 'http://127.0.0.1:8080/' }),
      call({ callId: -1 }),
      call({ callId: 1.5 }),
      call({ method: 'post; drop' }),
      call({ body: { websocket: {} } }),
      call({ body: 'x'.repeat(SERVICE_CALL_LIMITS.maxBodyBytes + 1) }),
      call({ body: '字'.repeat(SERVICE_CALL_LIMITS.maxBodyBytes / 3 + 1) }),
    ].map((message) => parseInstanceMessage(message));
    expect(problems.every((parsed) => !parsed.ok)).toBe(true);
  });

  it('refuses an answer coming from an instance, and checks an answer coming from the host', () => {
    expect(parseInstanceMessage({ v: 1, type: 'answer', callId: 0, status: 200, body: '{}' })).toEqual({ ok: false, problem: 'unknown message type "answer"' });
    expect(parseHostMessage({ v: 1, type: 'answer', callId: 0, status: 410, body: '{}' }).ok).toBe(true);
    expect(parseHostMessage({ v: 1, type: 'answer', callId: 0, status: 99, body: '{}' }).ok).toBe(false);
  });
});
