import type { InvocationRecord } from '../faas/invocation-record.ts';
import { toBase64, utf8Bytes, utf8Text } from './bytes.ts';
import { header } from './gateway-request.ts';
import type { GatewayRequest } from './gateway-request.ts';
import { jsonResponse } from './gateway-response.ts';
import type { GatewayResponse } from './gateway-response.ts';

/**
 * Lambda's Invoke API (awsdocs API_Invoke, faas-semantics.md A3), so an AWS SDK pointed at the local server can
 * call its functions as `sam local start-lambda` allows. Every path under this prefix belongs to the API, never
 * to the project's routes.
 */
export const INVOKE_API_PREFIX = '/2015-03-31/';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export type InvokeCall =
  | { ok: true; functionName: string; invocationType: InvocationType; tail: boolean; payload: unknown }
  | { ok: false; response: GatewayResponse };

const REGION = 'us-east-1';
const ACCOUNT_ID = '123456789012';
/** Lambda returns at most the last 4 KB of the invocation's log with LogType Tail. */
const TAIL_BYTES = 4096;

export function isInvokeApiPath(path: string): boolean {
  return path.startsWith(INVOKE_API_PREFIX);
}

/** Reads an Invoke call, or the error Lambda would answer for it. */
export function parseInvokeCall(request: GatewayRequest): InvokeCall {
  const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/.exec(request.path);
  if (!match || request.method !== 'POST') {
    return refused(404, 'UnknownOperationException', `${request.method} ${request.path} is not an operation of the local Lambda API; only Invoke (POST /2015-03-31/functions/{name}/invocations) is`);
  }
  const functionName = functionNameOf(decodeURIComponent(match[1]!));
  const type = header(request, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
    return refused(400, 'InvalidParameterValueException', `X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, got ${type}`);
  }
  const text = utf8Text(request.body);
  let payload: unknown = {};
  if (text.trim() !== '') {
    try {
      payload = JSON.parse(text);
    } catch (error) {
      return refused(400, 'InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`);
    }
  }
  return { ok: true, functionName, invocationType: type, tail: header(request, 'x-amz-log-type') === 'Tail', payload };
}

export function functionNotFound(functionName: string): GatewayResponse {
  return refused(404, 'ResourceNotFoundException', `Function not found: ${functionArn(functionName)}`).response;
}

/** An Event invocation is queued and answered at once; DryRun only checks that the call would be allowed. */
export function acceptedResponse(type: 'Event' | 'DryRun'): GatewayResponse {
  return { status: type === 'Event' ? 202 : 204, headers: [], body: new Uint8Array(0) };
}

/**
 * A finished RequestResponse invocation: 200 with the result, or with the error and X-Amz-Function-Error
 * (Unhandled, as the Node.js runtime reports thrown errors, timeouts and crashes); 429 when throttled. `logTail`
 * is the invocation's log as Lambda prints it; its last 4 KB travel base64-encoded in X-Amz-Log-Result.
 */
export function invokeResponse(record: InvocationRecord, logTail: string | undefined): GatewayResponse {
  if (record.status === 'throttled') {
    return jsonResponse(429, { Reason: record.throttle?.reason ?? 'ReservedFunctionConcurrentInvocationLimitExceeded', Type: 'User', message: 'Rate Exceeded.' }, [['x-amzn-errortype', 'TooManyRequestsException']]);
  }
  const headers: [string, string][] = [['content-type', 'application/json'], ['x-amz-executed-version', '$LATEST']];
  if (logTail !== undefined) headers.push(['x-amz-log-result', toBase64(lastBytes(utf8Bytes(logTail), TAIL_BYTES))]);
  if (record.status === 'ok') return { status: 200, headers, body: utf8Bytes(JSON.stringify(record.result ?? null)) };
  headers.push(['x-amz-function-error', 'Unhandled']);
  const error = record.error ?? { errorType: 'Runtime.Unknown', errorMessage: `the request ended with status ${record.status}` };
  const trace = error.stack;
  return { status: 200, headers, body: utf8Bytes(JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, ...(trace ? { trace } : {}) })) };
}

/** "my-fn", "arn:aws:lambda:us-east-1:123:function:my-fn" and "123:function:my-fn:$LATEST" all name my-fn. */
function functionNameOf(name: string): string {
  const at = name.indexOf('function:');
  return at === -1 ? name : (name.slice(at + 'function:'.length).split(':')[0] ?? name);
}

function functionArn(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;
}

function refused(status: number, type: string, message: string): { ok: false; response: GatewayResponse } {
  return { ok: false, response: jsonResponse(status, { Type: 'User', message }, [['x-amzn-errortype', type]]) };
}

function lastBytes(bytes: Uint8Array, count: number): Uint8Array {
  if (bytes.length <= count) return bytes;
  let start = bytes.length - count;
  // Start on a character boundary: skip UTF-8 continuation bytes.
  while (start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
  return bytes.subarray(start);
}
