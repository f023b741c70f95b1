import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, serveForTest } from './running-serve.ts';
import type { ServeUnderTest } from './running-serve.ts';

let serve: ServeUnderTest;

beforeAll(async () => {
  serve = await serveForTest(fixture('serve-http'));
}, 30_000);

afterAll(async () => {
  await serve?.close();
});

async function described(path: string, init?: RequestInit): Promise<Record<string, any>> {
  const response = await fetch(`${serve.url}${path}`, init);
  expect(response.status).toBe(200);
  return JSON.parse(await response.text()) as Record<string, any>;
}

describe('serve routes requests from serverless.yml and builds each gateway\'s event', () => {
  it('an httpApi route gets a v2 event: path parameters, joined query values, lower-case headers, cookies apart', async () => {
    const event = await described('/files/docs/a%20b.txt?tag=x&tag=y', { headers: { Cookie: 'theme=dark; lang=en', 'X-Custom': 'yes' } });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'ANY /files/{proxy+}',
      rawPath: '/files/docs/a%20b.txt',
      rawQueryString: 'tag=x&tag=y',
      cookies: ['theme=dark', 'lang=en'],
      queryStringParameters: { tag: 'x,y' },
      pathParameters: { proxy: 'docs/a b.txt' },
      requestContext: { http: { method: 'GET', path: '/files/docs/a b.txt' }, routeKey: 'ANY /files/{proxy+}', stage: '$default' },
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('yes');
    expect(event.headers.cookie).toBeUndefined();
  });

  it('a literal route beats {proxy+} on the same path', async () => {
    expect((await described('/files/readme')).routeKey).toBe('GET /files/readme');
  });

  it('an http route gets a v1 event: resource, multi-value headers and query, null where empty', async () => {
    const event = await described('/users/42?sort=asc&sort=desc');
    expect(event).toMatchObject({
      resource: '/users/{id}',
      path: '/users/42',
      httpMethod: 'GET',
      pathParameters: { id: '42' },
      queryStringParameters: { sort: 'desc' },
      multiValueQueryStringParameters: { sort: ['asc', 'desc'] },
      body: null,
      isBase64Encoded: false,
      requestContext: { resourcePath: '/users/{id}', httpMethod: 'GET', identity: { sourceIp: '127.0.0.1' } },
    });
    expect(Object.values(event.multiValueHeaders as Record<string, string[]>)).toContainEqual(['*/*']);
  });

  it('a bare object from a v2 handler is answered as JSON with 200', async () => {
    const response = await fetch(`${serve.url}/hello/ada`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ greeting: 'hello ada' });
  });

  it('carries a binary body base64-encoded both ways, byte for byte', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const response = await fetch(`${serve.url}/echo`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: bytes });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const text = await fetch(`${serve.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":"你好"}' });
    expect(await text.text()).toBe('{"a":"你好"}');
  });

  it('sends a v2 result\'s cookies as separate Set-Cookie headers', async () => {
    const response = await fetch(`${serve.url}/cookies`);
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('adds CORS headers on a cors: true route and answers its preflight', async () => {
    const response = await fetch(`${serve.url}/users/1`, { headers: { Origin: 'http://example.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://example.test');
    const preflight = await fetch(`${serve.url}/users/1`, { method: 'OPTIONS', headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-token' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-token');
    expect((await fetch(`${serve.url}/hello/ada`, { headers: { Origin: 'http://example.test' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an unknown route with 404, a message and the routes it has', async () => {
    const response = await fetch(`${serve.url}/nowhere`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { message: string; routes: string[] };
    expect(body.message).toContain('/nowhere');
    expect(body.routes).toContain('GET /hello/{name} → hello');
  });
});

describe('serve answers failures as API Gateway does', () => {
  it('HTTP API: a function error is a 500; REST API: a function error or a malformed result is a 502', async () => {
    const httpApi = await fetch(`${serve.url}/fail`);
    expect([httpApi.status, await httpApi.json()]).toEqual([500, { message: 'Internal Server Error' }]);
    const rest = await fetch(`${serve.url}/broken`);
    expect([rest.status, await rest.json()]).toEqual([502, { message: 'Internal server error' }]);
    expect((await fetch(`${serve.url}/malformed`)).status).toBe(502);
  });

  it('a function that runs out of time is a 504', async () => {
    const response = await fetch(`${serve.url}/slow`);
    expect([response.status, await response.json()]).toEqual([504, { message: 'Endpoint request timed out' }]);
  }, 15_000);
});

describe('serve runs requests in parallel on warm instances and logs each one', () => {
  it('a warm instance serves the next request; the access log says cold, then warm, on the same instance', async () => {
    await fetch(`${serve.url}/hello/one`);
    await fetch(`${serve.url}/hello/two`);
    const [first, second] = serve.records().filter((r) => r.function === 'hello').slice(-2);
    expect(second).toMatchObject({ method: 'GET', path: '/hello/two', status: 200, function: 'hello', instance: first!.instance, start: 'warm' });
    expect(Object.keys(second!)).toEqual(['time', 'method', 'path', 'status', 'function', 'instance', 'start', 'durationMs', 'billedMs', 'requestId']);
    expect(serve.io.err).toMatch(/GET \/hello\/two 200 {2}hello hello-\d+ warm/);
    expect(serve.io.err).toContain('INFO\thello two');
  });

  it('a burst of parallel requests scales out to several instances', async () => {
    const before = serve.records().length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${serve.url}/sleepy`).then((r) => r.status)));
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    const burst = serve.records().slice(before);
    expect(new Set(burst.map((r) => r.instance)).size).toBeGreaterThan(1);
  }, 20_000);
});

describe('serve with --max-instances', () => {
  it('throttles requests beyond the reserved concurrency with 429', async () => {
    const limited = await serveForTest(fixture('serve-http'), { maxConcurrency: 1 });
    try {
      const statuses = await Promise.all(Array.from({ length: 4 }, () => fetch(`${limited.url}/sleepy`).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses).toContain(429);
      expect(limited.records().find((r) => r.status === 429)).toMatchObject({ function: 'sleepy', instance: null, start: null });
    } finally {
      await limited.close();
    }
  }, 20_000);
});
