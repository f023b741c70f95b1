import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { utf8Text } from '../../../playground/gateway/bytes.ts';
import { responseFor } from '../../../playground/gateway/gateway-response.ts';
import { matchRoute } from '../../../playground/gateway/route-table.ts';
import type { Route } from '../../../playground/gateway/route-table.ts';
import { ScheduleError, timingOf } from '../../../playground/gateway/schedule.ts';

const route = (method: string, path: string, functionName = path, api: Route['api'] = 'http'): Route => ({ functionName, api, method, path, cors: false });

function okRecord(result: unknown): InvocationRecord {
  return { status: 'ok', result, requestId: 'r1', statusCode: 200, error: null } as InvocationRecord;
}

describe('the gateway chooses routes as API Gateway does', () => {
  const routes = [route('ANY', '$default', 'fallback'), route('ANY', '/files/{proxy+}', 'greedy'), route('GET', '/files/{name}', 'param'), route('GET', '/files/readme', 'literal'), route('ANY', '/files/readme', 'any-literal')];

  it('prefers a literal segment to a {param}, a {param} to {proxy+}, an exact method to ANY, and falls back to $default', () => {
    expect(matchRoute(routes, 'GET', '/files/readme')?.route.functionName).toBe('literal');
    expect(matchRoute(routes, 'POST', '/files/readme')?.route.functionName).toBe('any-literal');
    expect(matchRoute(routes, 'GET', '/files/a.txt')).toMatchObject({ route: { functionName: 'param' }, pathParameters: { name: 'a.txt' } });
    expect(matchRoute(routes, 'GET', '/files/a/b%20c')).toMatchObject({ route: { functionName: 'greedy' }, pathParameters: { proxy: 'a/b c' } });
    expect(matchRoute(routes, 'GET', '/elsewhere')?.route.functionName).toBe('fallback');
  });

  it('does not let {proxy+} match its own base path, and answers nothing without a $default route', () => {
    expect(matchRoute([route('ANY', '/files/{proxy+}')], 'GET', '/files')).toBeUndefined();
    expect(matchRoute([route('GET', '/a')], 'POST', '/a')).toBeUndefined();
  });
});

describe('results become HTTP responses per gateway', () => {
  it('HTTP API (payload 2.0): a bare object is a JSON body with 200, a string is sent as it is', () => {
    const object = responseFor(route('GET', '/x'), okRecord({ a: 1 }));
    expect(object.status).toBe(200);
    expect(object.headers).toContainEqual(['content-type', 'application/json']);
    expect(utf8Text(object.body)).toBe('{"a":1}');
    expect(utf8Text(responseFor(route('GET', '/x'), okRecord('plain words')).body)).toBe('plain words');
  });

  it('REST API: a result that is not a proxy result is a 502; a base64 body is decoded', () => {
    expect(responseFor(route('GET', '/x', 'f', 'rest'), okRecord({ a: 1 })).status).toBe(502);
    expect(responseFor(route('GET', '/x', 'f', 'rest'), okRecord({ statusCode: 'teapot' })).status).toBe(502);
    const decoded = responseFor(route('GET', '/x', 'f', 'rest'), okRecord({ statusCode: 201, body: btoa('hi'), isBase64Encoded: true }));
    expect([decoded.status, utf8Text(decoded.body)]).toEqual([201, 'hi']);
  });
});

describe('timer expressions become schedules croner can run', () => {
  it('turns rate() into an interval and AWS six-field cron() into seven fields with seconds', () => {
    expect(timingOf('rate(5 minutes)')).toEqual({ kind: 'every', ms: 300_000 });
    expect(timingOf('rate(1 day)')).toEqual({ kind: 'every', ms: 86_400_000 });
    expect(timingOf('cron(0 2 * * ? *)')).toEqual({ kind: 'cron', pattern: '0 0 2 * * ? *', alternativeWeekdays: true });
    expect(timingOf('0 */10 * * * * *')).toEqual({ kind: 'cron', pattern: '0 */10 * * * * *', alternativeWeekdays: false });
  });

  it('refuses what it cannot read, naming the expression', () => {
    expect(() => timingOf('rate(0 minutes)')).toThrow(ScheduleError);
    expect(() => timingOf('cron(0 2 * *)')).toThrow(/six fields/);
    expect(() => timingOf('every tuesday')).toThrow(/every tuesday/);
  });
});
