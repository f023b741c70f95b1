import { header } from './gateway-request.ts';
import type { GatewayRequest } from './gateway-request.ts';
import type { GatewayResponse } from './gateway-response.ts';
import type { Route } from './route-table.ts';

/** The Serverless Framework's default list for `cors: true`. */
const DEFAULT_ALLOWED_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent';

/** A browser's preflight: OPTIONS with Access-Control-Request-Method. */
export function isPreflight(request: GatewayRequest): boolean {
  return request.method === 'OPTIONS' && header(request, 'access-control-request-method') !== undefined;
}

/** The answer to a preflight for a path whose routes turn CORS on: every method they accept, any origin. */
export function preflightResponse(request: GatewayRequest, routes: Route[]): GatewayResponse {
  const methods = routes.some((r) => r.method === 'ANY') ? 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT' : [...new Set([...routes.map((r) => r.method), 'OPTIONS'])].join(',');
  return {
    status: 204,
    headers: [
      ['access-control-allow-origin', header(request, 'origin') ?? '*'],
      ['access-control-allow-methods', methods],
      ['access-control-allow-headers', header(request, 'access-control-request-headers') ?? DEFAULT_ALLOWED_HEADERS],
      ['vary', 'Origin'],
    ],
    body: new Uint8Array(0),
  };
}

/** Adds the CORS headers a route with `cors: true` sends on its real responses, unless the function set them. */
export function withCorsHeaders(response: GatewayResponse, request: GatewayRequest): GatewayResponse {
  if (response.headers.some(([name]) => name.toLowerCase() === 'access-control-allow-origin')) return response;
  return { ...response, headers: [...response.headers, ['access-control-allow-origin', header(request, 'origin') ?? '*'], ['vary', 'Origin']] };
}
