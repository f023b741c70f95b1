import { isServiceUrl, PROTOCOL_VERSION, SERVICE_CALL_LIMITS, utf8Bytes } from '../faas/protocol.ts';
import type { AnswerMessage, CallMessage } from '../faas/protocol.ts';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The object whose `fetch` user code calls (the instance's global scope). */
export interface FetchScope {
  fetch?: Fetch;
}

export interface ServiceFetch {
  /** Settles the call an answer is for; false when no call of this instance waits for it. */
  answer(message: AnswerMessage): boolean;
}

/**
 * Wraps `scope.fetch` so that a request to a platform service's URL (isServiceUrl) goes to the host as a `call`
 * and resolves with the service's answer as a Response, as a POST to the gateway's reverse-push URL does on SCF.
 * Every other request goes to the original fetch, untouched.
 */
export function installServiceFetch(scope: FetchScope, post: (message: CallMessage) => void, currentRequestId: () => string | null): ServiceFetch {
  const original = scope.fetch;
  const waiting = new Map<number, (answer: AnswerMessage) => void>();
  let nextCallId = 0;

  const callService = async (url: string, init: RequestInit | undefined): Promise<Response> => {
    const body = init?.body ?? '';
    if (typeof body !== 'string') throw new TypeError(`fetch ${url}: the platform's services take a string body, such as JSON.stringify({ ... })`);
    if (utf8Bytes(body, SERVICE_CALL_LIMITS.maxBodyBytes) > SERVICE_CALL_LIMITS.maxBodyBytes) {
      throw new TypeError(`fetch ${url}: the body is over ${SERVICE_CALL_LIMITS.maxBodyBytes} bytes, the most a call to the platform's services may carry`);
    }
    if (waiting.size >= SERVICE_CALL_LIMITS.maxInFlight) {
      throw new TypeError(`fetch ${url}: ${SERVICE_CALL_LIMITS.maxInFlight} calls to the platform's services are already waiting for their answers in this instance; await some before making more`);
    }
    const callId = nextCallId++;
    const answer = new Promise<AnswerMessage>((resolve) => waiting.set(callId, resolve));
    post({ v: PROTOCOL_VERSION, type: 'call', callId, requestId: currentRequestId(), url, method: (init?.method ?? 'GET').toUpperCase(), body });
    const { status, body: text } = await answer;
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };

  scope.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (isServiceUrl(url)) {
      if (typeof input !== 'string' && !(input instanceof URL)) return Promise.reject(new TypeError(`fetch ${url}: pass the URL and { method, body } to fetch, not a Request object`));
      return callService(url, init);
    }
    if (!original) return Promise.reject(new TypeError('fetch is not available in this instance'));
    return original.call(scope, input, init);
  };

  return {
    answer(message) {
      const settle = waiting.get(message.callId);
      if (!settle) return false;
      waiting.delete(message.callId);
      settle(message);
      return true;
    },
  };
}
