import { eventBody, gatewayTime, header, queryParameters } from './gateway-request.ts';
import type { GatewayRequest } from './gateway-request.ts';
import { routeKey } from './route-table.ts';
import type { RouteMatch } from './route-table.ts';

/** What the local gateway makes up about itself: the ids a real API would have, per request. */
export interface GatewayContext {
  /** The gateway's own id for this request (API Gateway's requestContext.requestId), not the function's. */
  requestId: string;
  /** The host the client called, e.g. "127.0.0.1:3000". */
  host: string;
}

const API_ID = 'local';
const ACCOUNT_ID = '123456789012';
const REST_STAGE = 'local';
const SCF_STAGE = 'release';

/** The event the matched route's gateway sends the function for this request. */
export function eventFor(match: RouteMatch, request: GatewayRequest, context: GatewayContext): unknown {
  switch (match.route.api) {
    case 'rest':
      return restEvent(match, request, context);
    case 'http':
      return httpApiEvent(match, request, context);
    case 'scf':
      return scfApiEvent(match, request, context);
  }
}

/** API Gateway REST API, Lambda proxy integration (payload format 1.0). */
function restEvent({ route, pathParameters }: RouteMatch, request: GatewayRequest, context: GatewayContext): unknown {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of request.headers) {
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query = queryParameters(request.query);
  const body = eventBody(request);
  const resource = route.path === '$default' ? '/{proxy+}' : route.path;
  return {
    resource,
    path: decodePath(request.path),
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.size === 0 ? null : Object.fromEntries([...query].map(([k, v]) => [k, v[v.length - 1]!])),
    multiValueQueryStringParameters: query.size === 0 ? null : Object.fromEntries(query),
    pathParameters: Object.keys(pathParameters).length === 0 ? null : pathParameters,
    stageVariables: null,
    requestContext: {
      resourceId: 'local',
      resourcePath: resource,
      httpMethod: request.method,
      extendedRequestId: context.requestId,
      requestTime: gatewayTime(request.time),
      path: `/${REST_STAGE}${request.path}`,
      accountId: ACCOUNT_ID,
      protocol: request.protocol,
      stage: REST_STAGE,
      domainPrefix: hostPrefix(context.host),
      requestTimeEpoch: request.time,
      requestId: context.requestId,
      identity: { sourceIp: request.sourceIp, userAgent: header(request, 'user-agent') ?? null, accessKey: null, accountId: null, caller: null, user: null, userArn: null, cognitoIdentityId: null, cognitoIdentityPoolId: null, cognitoAuthenticationType: null, cognitoAuthenticationProvider: null },
      domainName: context.host,
      apiId: API_ID,
    },
    body: body?.body ?? null,
    isBase64Encoded: body?.isBase64Encoded ?? false,
  };
}

/**
 * API Gateway HTTP API (payload format 2.0): header names in lower case and repeated headers joined with commas,
 * cookies in their own list, repeated query parameters joined with commas; empty parts are left out.
 */
function httpApiEvent({ route, pathParameters }: RouteMatch, request: GatewayRequest, context: GatewayContext): unknown {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      cookies.push(...value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
      continue;
    }
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const query = queryParameters(request.query);
  const body = eventBody(request);
  const key = routeKey(route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: request.path,
    rawQueryString: request.query,
    ...(cookies.length === 0 ? {} : { cookies }),
    headers,
    ...(query.size === 0 ? {} : { queryStringParameters: Object.fromEntries([...query].map(([k, v]) => [k, v.join(',')])) }),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainName: context.host,
      domainPrefix: hostPrefix(context.host),
      http: { method: request.method, path: decodePath(request.path), protocol: request.protocol, sourceIp: request.sourceIp, userAgent: header(request, 'user-agent') ?? '' },
      requestId: context.requestId,
      routeKey: key,
      stage: '$default',
      time: gatewayTime(request.time),
      timeEpoch: request.time,
    },
    ...(Object.keys(pathParameters).length === 0 ? {} : { pathParameters }),
    ...(body ? { body: body.body } : {}),
    isBase64Encoded: body?.isBase64Encoded ?? false,
  };
}

/**
 * Tencent's API gateway trigger event (faas-semantics.md A5): the route's path in requestContext, the request's
 * path at the top; every query parameter in both queryString and queryStringParameters, since no parameters are
 * declared locally, and headerParameters empty for the same reason.
 */
function scfApiEvent({ route, pathParameters }: RouteMatch, request: GatewayRequest, context: GatewayContext): unknown {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const query = Object.fromEntries([...queryParameters(request.query)].map(([k, v]) => [k, v.join(',')]));
  const body = eventBody(request);
  return {
    requestContext: {
      serviceId: `service-${API_ID}`,
      path: route.path === '$default' ? '/' : route.path,
      httpMethod: request.method,
      requestId: context.requestId,
      identity: {},
      sourceIp: request.sourceIp,
      stage: SCF_STAGE,
    },
    headers,
    body: body?.body ?? '',
    pathParameters,
    queryStringParameters: query,
    headerParameters: {},
    stageVariables: { stage: SCF_STAGE },
    path: decodePath(request.path),
    queryString: query,
    httpMethod: request.method,
    isBase64Encoded: body?.isBase64Encoded ?? false,
  };
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function hostPrefix(host: string): string {
  return host.split(/[.:]/)[0] ?? host;
}
