import type { InvocationRecord } from '../faas/invocation-record.ts';
import { fromBase64, utf8Bytes } from './bytes.ts';
import type { Route } from './route-table.ts';

/** The HTTP answer, ready for whatever server writes it. Header names may repeat (Set-Cookie). */
export interface GatewayResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

export function jsonResponse(status: number, value: unknown, headers: [string, string][] = []): GatewayResponse {
  return { status, headers: [['content-type', 'application/json'], ...headers], body: utf8Bytes(JSON.stringify(value)) };
}

/** What the route's gateway answers for a finished invocation, success or failure. */
export function responseFor(route: Route, record: InvocationRecord): GatewayResponse {
  if (route.api === 'scf') return scfResponse(route, record);
  if (record.status === 'ok') {
    const mapped = route.api === 'http' ? httpApiResult(record.result) : proxyResult(record.result, true);
    if (mapped) return mapped;
  }
  return lambdaGatewayError(route, record);
}

/**
 * API Gateway's own answers when the function does not give a usable response. REST API: 502 for a function error
 * or a malformed proxy result (faas-semantics.md A3 records 502 behind API Gateway), 504 when the function ran out
 * of time, 429 when Lambda throttled it. An HTTP API answers a function error or a malformed result with 500
 * "Internal Server Error" (AWS knowledge center, "api-gateway-status-codes-http-api").
 */
function lambdaGatewayError(route: Route, record: InvocationRecord): GatewayResponse {
  if (record.status === 'throttled') return jsonResponse(429, { message: 'Too Many Requests' }, [['x-amzn-errortype', 'TooManyRequestsException']]);
  if (record.status === 'timeout') return jsonResponse(504, { message: 'Endpoint request timed out' }, [['x-amzn-errortype', 'IntegrationTimeout']]);
  if (route.api === 'http') return jsonResponse(500, { message: 'Internal Server Error' });
  return jsonResponse(502, { message: 'Internal server error' }, [['x-amzn-errortype', 'InternalServerErrorException']]);
}

/**
 * Payload format 2.0 (AWS knowledge center, "api-gateway-status-codes-http-api"): a result without a statusCode
 * is the body itself, status 200 and JSON; a string is sent as it is.
 */
function httpApiResult(result: unknown): GatewayResponse | undefined {
  if (isObject(result) && 'statusCode' in result) return proxyResult(result, false);
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { status: 200, headers: [['content-type', 'application/json']], body: utf8Bytes(body) };
}

/**
 * A Lambda proxy result ({statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded}) as the HTTP
 * answer, or undefined when it is malformed. REST APIs answer JSON when the function names no content type.
 */
function proxyResult(result: unknown, defaultJson: boolean): GatewayResponse | undefined {
  if (!isObject(result)) return undefined;
  const status = statusCode(result.statusCode);
  if (status === undefined) return undefined;
  const headers = headerPairs(result.headers, result.multiValueHeaders);
  if (!headers) return undefined;
  if (Array.isArray(result.cookies)) for (const cookie of result.cookies) headers.push(['set-cookie', String(cookie)]);
  const body = bodyBytes(result.body, result.isBase64Encoded === true);
  if (!body) return undefined;
  if (defaultJson && !headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['content-type', 'application/json']);
  return { status, headers, body };
}

/**
 * Tencent's API gateway (faas-semantics.md A5). With the integrated response on, the function returns
 * {isBase64Encoded, statusCode, headers, body} and anything else is answered 403 "Invalid scf response format";
 * with it off, the return value is the body. A failed invocation is recorded for the timeout case only: when the
 * gateway waits longer than the function, the function's timeout error comes back with HTTP 200. Errors, crashes
 * and throttles are answered the same way here, the platform's error body with 200 (an assumption, not a record).
 */
function scfResponse(route: Route, record: InvocationRecord): GatewayResponse {
  if (record.status !== 'ok') {
    const error = record.error ?? { errorType: 'Unknown', errorMessage: `the request ended with status ${record.status}` };
    return jsonResponse(200, { errorCode: -1, errorMessage: error.errorMessage, requestId: record.requestId, statusCode: record.statusCode });
  }
  const result = record.result;
  const integrated = route.integratedResponse ?? (isObject(result) && typeof result.statusCode === 'number');
  if (!integrated) return httpApiResult(result)!;
  return proxyResult(result, false) ?? jsonResponse(403, { errorCode: 403, errorMessage: 'Invalid scf response format' });
}

function statusCode(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function headerPairs(single: unknown, multi: unknown): [string, string][] | undefined {
  const out: [string, string][] = [];
  if (single !== undefined && single !== null) {
    if (!isObject(single)) return undefined;
    for (const [name, value] of Object.entries(single)) {
      if (!isScalar(value)) return undefined;
      out.push([name, String(value)]);
    }
  }
  if (multi !== undefined && multi !== null) {
    if (!isObject(multi)) return undefined;
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values) || !values.every(isScalar)) return undefined;
      // A name in both maps keeps the multi-value list, as API Gateway merges them.
      for (let i = out.length - 1; i >= 0; i--) if (out[i]![0].toLowerCase() === name.toLowerCase()) out.splice(i, 1);
      for (const value of values) out.push([name, String(value)]);
    }
  }
  return out;
}

function bodyBytes(body: unknown, base64: boolean): Uint8Array | undefined {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body !== 'string') return undefined;
  if (!base64) return utf8Bytes(body);
  try {
    return fromBase64(body);
  } catch {
    return undefined;
  }
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
