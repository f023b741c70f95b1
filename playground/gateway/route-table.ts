import type { HttpEvent } from '../project/project-file.ts';

export type GatewayApi = HttpEvent['api'];

/** One HTTP route of the local gateway: which function answers, and in which gateway's event and response shapes. */
export interface Route {
  functionName: string;
  api: GatewayApi;
  /** Upper case, or "ANY". */
  method: string;
  /** "/users/{id}", "/files/{proxy+}", or "$default" (answers whatever no other route does). */
  path: string;
  cors: boolean;
  /**
   * Tencent's API gateway only: true when the endpoint turns on the integrated response (the function returns
   * statusCode, headers and body), false when it passes the return value through as the body. Absent: decided by
   * the result's shape, for a function served without a project file.
   */
  integratedResponse?: boolean;
}

export interface RouteMatch {
  route: Route;
  /** Decoded values of the route's {param} and {proxy+} segments; empty when it has none. */
  pathParameters: Record<string, string>;
}

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

/** The routes of a project, each function's HTTP events in file order. */
export function routesOf(functions: { functionName: string; events: readonly { kind: string }[] }[]): Route[] {
  return functions.flatMap(({ functionName, events }) =>
    events.filter((e): e is HttpEvent => e.kind === 'http').map((e): Route => ({
      functionName,
      api: e.api,
      method: e.method,
      path: e.path,
      cors: e.cors,
      // Tencent's API gateway passes the return value through unless the endpoint turns the integrated response on.
      ...(e.api === 'scf' ? { integratedResponse: e.integratedResponse ?? false } : {}),
    })),
  );
}

/** "GET /users/{id}", or "$default": how API Gateway names a route (the HTTP API's routeKey). */
export function routeKey(route: Route): string {
  return route.path === '$default' ? '$default' : `${route.method} ${route.path}`;
}

/**
 * The route that answers a request, chosen as API Gateway does: the most specific path wins (a literal segment
 * before a {param}, a {param} before a greedy {proxy+}), then an exact method before ANY; $default comes last.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const wanted = method.toUpperCase();
  let best: { match: RouteMatch; rank: number[] } | undefined;
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== wanted) continue;
    const pathParameters = route.path === '$default' ? {} : matchPath(parse(route.path), splitPath(path));
    if (pathParameters === undefined) continue;
    const rank = rankOf(route);
    if (!best || compareRanks(rank, best.rank) > 0) best = { match: { route, pathParameters }, rank };
  }
  return best?.match;
}

/** Routes with CORS on whose path matches, whatever their method: what a preflight request asks about. */
export function corsRoutesFor(routes: readonly Route[], path: string): Route[] {
  const segments = splitPath(path);
  return routes.filter((route) => route.cors && (route.path === '$default' || matchPath(parse(route.path), segments) !== undefined));
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function parse(path: string): Segment[] {
  return splitPath(path).map((text): Segment => {
    const param = /^\{([^{}+]+)(\+?)\}$/.exec(text);
    if (!param) return { kind: 'literal', text };
    return param[2] === '+' ? { kind: 'greedy', name: param[1]! } : { kind: 'param', name: param[1]! };
  });
}

function matchPath(route: Segment[], path: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.length; i++) {
    const segment = route[i]!;
    if (segment.kind === 'greedy') {
      // A greedy segment takes at least one segment, as {proxy+} does on API Gateway.
      if (i >= path.length) return undefined;
      params[segment.name] = path.slice(i).map(decode).join('/');
      return params;
    }
    const actual = path[i];
    if (actual === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (decode(segment.text) !== decode(actual)) return undefined;
    } else {
      params[segment.name] = decode(actual);
    }
  }
  return route.length === path.length ? params : undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const SEGMENT_RANK = { literal: 3, param: 2, greedy: 1 } as const;

function rankOf(route: Route): number[] {
  if (route.path === '$default') return [0];
  const segments = parse(route.path).map((s) => SEGMENT_RANK[s.kind]);
  return [1, ...segments, 0, route.method === 'ANY' ? 0 : 1];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
