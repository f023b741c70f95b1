import { toBase64, utf8Text } from './bytes.ts';

/** An HTTP request as the gateway receives it, whatever server (node:http, a service worker) took it in. */
export interface GatewayRequest {
  method: string;
  /** The path without the query string, percent-encoded as it arrived. */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** Header lines in arrival order, names as the client spelled them. */
  headers: [string, string][];
  body: Uint8Array;
  sourceIp: string;
  /** "HTTP/1.1" */
  protocol: string;
  /** Epoch milliseconds when the request arrived. */
  time: number;
}

/** The values of one header, in order, whatever case the client used. */
export function headerValues(request: GatewayRequest, name: string): string[] {
  const wanted = name.toLowerCase();
  return request.headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

export function header(request: GatewayRequest, name: string): string | undefined {
  const values = headerValues(request, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/** Query parameters by name, each with every value in order (names and values decoded). */
export function queryParameters(query: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) {
    const values = out.get(name);
    if (values) values.push(value);
    else out.set(name, [value]);
  }
  return out;
}

const TEXT_TYPES = [/^text\//, /^application\/(json|javascript|xml|x-www-form-urlencoded|graphql)\b/, /\+(json|xml)\b/];

/**
 * The body as the event carries it: text for textual content types, base64 (with isBase64Encoded) for the rest,
 * as an HTTP API does for binary payloads. Absent when the request has no body.
 */
export function eventBody(request: GatewayRequest): { body: string; isBase64Encoded: boolean } | undefined {
  if (request.body.length === 0) return undefined;
  const type = (header(request, 'content-type') ?? '').toLowerCase();
  const textual = type === '' || TEXT_TYPES.some((pattern) => pattern.test(type));
  return textual ? { body: utf8Text(request.body), isBase64Encoded: false } : { body: toBase64(request.body), isBase64Encoded: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's request time, "24/Nov/2026:08:00:00 +0000". */
export function gatewayTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
