import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationRecord } from '../../faas/invocation-record.ts';
import type { Platform } from '../../faas/platform.ts';
import { formatReportLine } from '../../faas/report-line.ts';
import { isPreflight, preflightResponse, withCorsHeaders } from '../../gateway/cors.ts';
import type { GatewayRequest } from '../../gateway/gateway-request.ts';
import { jsonResponse, responseFor } from '../../gateway/gateway-response.ts';
import type { GatewayResponse } from '../../gateway/gateway-response.ts';
import { acceptedResponse, functionNotFound, invokeResponse, isInvokeApiPath, parseInvokeCall } from '../../gateway/invoke-api.ts';
import { routeNotFound } from '../../gateway/not-found.ts';
import { eventFor } from '../../gateway/request-event.ts';
import { corsRoutesFor, matchRoute } from '../../gateway/route-table.ts';
import type { Route } from '../../gateway/route-table.ts';
import { logLine } from '../log-lines.ts';
import type { AccessLog } from './access-log.ts';
import type { ServedFunctions } from './served-functions.ts';

export interface GatewayParts {
  platform: Platform;
  functions: ServedFunctions;
  routes: Route[];
  log: AccessLog;
}

/** Lambda refuses synchronous payloads over 6 MB (faas-semantics.md A2); the local gateway does the same. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/** node:http's side of the gateway: the request in, the Invoke API or a route, the response out, a log line. */
export function requestHandler(parts: GatewayParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      parts.log.note(`serve: ${req.method} ${req.url} failed inside the gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) write(res, jsonResponse(500, { message: 'the local gateway failed; see its log' }));
    });
  };
}

async function handle(parts: GatewayParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrivedAt = Date.now();
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://local');
  const request: GatewayRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: headerPairs(req.rawHeaders),
    body: body ?? new Uint8Array(0),
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${req.httpVersion}`,
    time: arrivedAt,
  };
  const answer: Answer = (response, record, logged = true) => {
    write(res, response);
    if (logged) parts.log.request(request.method, request.path, response.status, arrivedAt, record);
  };
  if (body === undefined) return answer(jsonResponse(413, { message: 'Request Entity Too Large' }), null);
  if (isInvokeApiPath(request.path)) return invokeApi(parts, request, answer);

  const match = matchRoute(parts.routes, request.method, request.path);
  if (isPreflight(request) && (!match || match.route.method !== 'OPTIONS')) {
    const cors = corsRoutesFor(parts.routes, request.path);
    if (cors.length > 0) return answer(preflightResponse(request, cors), null);
  }
  if (!match) return answer(routeNotFound(request.method, request.path, parts.routes), null);
  const event = eventFor(match, request, { requestId: randomUUID(), host: req.headers.host ?? '127.0.0.1' });
  const record = await parts.platform.invoke(match.route.functionName, event);
  const response = responseFor(match.route, record);
  answer(match.route.cors ? withCorsHeaders(response, request) : response, record);
}

type Answer = (response: GatewayResponse, record: InvocationRecord | null, logged?: boolean) => void;

async function invokeApi(parts: GatewayParts, request: GatewayRequest, answer: Answer): Promise<void> {
  const call = parseInvokeCall(request);
  if (!call.ok) return answer(call.response, null);
  const served = parts.functions.byInvokeName(call.functionName);
  if (!served) return answer(functionNotFound(call.functionName), null);
  const name = served.config.functionName;
  if (call.invocationType === 'DryRun') return answer(acceptedResponse('DryRun'), null);
  if (call.invocationType === 'Event') {
    // Answered at once; the line is logged when the invocation has finished, with what it did.
    const accepted = acceptedResponse('Event');
    answer(accepted, null, false);
    const record = await parts.platform.invoke(name, call.payload);
    parts.log.request(request.method, request.path, accepted.status, request.time, record);
    return;
  }
  const record = await parts.platform.invoke(name, call.payload);
  answer(invokeResponse(record, call.tail ? logTail(record) : undefined), record);
}

/** The invocation's log as Lambda prints it, for LogType: Tail. */
function logTail(record: InvocationRecord): string {
  const lines = [`START RequestId: ${record.requestId} Version: $LATEST\n`];
  for (const line of record.logs) lines.push(logLine(line.time, record.requestId, line.level, line.message, false));
  lines.push(`END RequestId: ${record.requestId}\n`, `${formatReportLine(record)}\n`);
  return lines.join('');
}

/** The body, or undefined when it is over the limit (read to its end and dropped, so the answer can be sent). */
async function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : new Uint8Array(Buffer.concat(chunks));
}

function headerPairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

function write(res: ServerResponse, response: GatewayResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    const key = name.toLowerCase();
    const previous = headers[key];
    headers[key] = previous === undefined ? value : key === 'set-cookie' ? [...[previous].flat(), value] : `${[previous].flat().join(', ')}, ${value}`;
  }
  res.writeHead(response.status, headers);
  res.end(response.body);
}
