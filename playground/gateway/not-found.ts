import { jsonResponse } from './gateway-response.ts';
import type { GatewayResponse } from './gateway-response.ts';
import { routeKey } from './route-table.ts';
import type { Route } from './route-table.ts';

/** No route matched: a 404 that lists what the project does answer, so a typo is easy to spot. */
export function routeNotFound(method: string, path: string, routes: readonly Route[]): GatewayResponse {
  return jsonResponse(404, {
    message: `No route for ${method} ${path}`,
    routes: routes.map((route) => `${routeKey(route)} → ${route.functionName}`),
  });
}
