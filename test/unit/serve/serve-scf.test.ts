import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, fixture, serveForTest } from './running-serve.ts';
import type { ServeUnderTest } from './running-serve.ts';

let serve: ServeUnderTest;

beforeAll(async () => {
  serve = await serveForTest(fixture('serve-scf'));
}, 30_000);

afterAll(async () => {
  await serve?.close();
});

describe('serve with a Tencent SCF component project', () => {
  it('sends SCF\'s API gateway event: the route in requestContext, path parameters, query in both maps', async () => {
    const response = await fetch(`${serve.url}/api/book?lang=zh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      requestContext: { path: '/api/{item}', httpMethod: 'POST', stage: 'release', sourceIp: '127.0.0.1' },
      path: '/api/book',
      httpMethod: 'POST',
      body: '{"n":1}',
      pathParameters: { item: 'book' },
      queryString: { lang: 'zh' },
      queryStringParameters: { lang: 'zh' },
      headerParameters: {},
      isBase64Encoded: false,
    });
  });

  it('answers a result that is not an integrated response with 403 "Invalid scf response format"', async () => {
    const response = await fetch(`${serve.url}/api/plain`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Invalid scf response format');
  });

  it('passes a function error through with HTTP 200 and the platform\'s error body', async () => {
    const response = await fetch(`${serve.url}/api/boom`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ errorMessage: 'boom on purpose', statusCode: 430 });
  });

  it('fires the timer trigger on the real clock, with SCF\'s timer event, and logs it like a request', async () => {
    await eventually('a timer invocation', () => serve.records().some((r) => r.method === 'TIMER'), 5_000);
    expect(serve.records().find((r) => r.method === 'TIMER')).toMatchObject({ path: '* * * * * * *', status: 200, function: 'scf-api' });
    expect(serve.io.err).toContain('timer scf-api-timer-2 fired');
  });
});
