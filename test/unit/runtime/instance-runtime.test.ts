import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

describe('instance runtime: handler styles', () => {
  it('returns the value of an async SCF main_handler', async () => {
    const h = await harness({ 'index.js': 'exports.main_handler = async (event, context) => ({ got: event.x, id: context.request_id });' }, 'main_handler');
    expect((await h.init()).type).toBe('ready');
    const result = await h.invoke({ x: 1 }, 'r-1');
    expect(result).toMatchObject({ ok: true, value: { got: 1, id: 'r-1' } });
  });

  it('uses the value passed to callback(err, value) by a three-parameter handler', async () => {
    const h = await harness({ 'index.js': 'exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { late: true }), 5); };' }, 'handler');
    await h.init();
    expect(await h.invoke({})).toMatchObject({ ok: true, value: { late: true } });
  });

  it('fails the invocation when the callback receives an error, and ignores later calls', async () => {
    const h = await harness({ 'index.js': "exports.handler = (e, c, cb) => { cb(new RangeError('first')); cb(null, 'second'); };" }, 'handler');
    await h.init();
    const result = await h.invoke({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'first' });
  });

  it('settles with a returned promise (non-async function) and with a plain return value', async () => {
    const h = await harness({ 'index.js': 'exports.p = () => Promise.resolve(7); exports.s = (event) => event.n * 2; exports.u = () => {};' }, 'p');
    await h.init();
    expect(await h.invoke({})).toMatchObject({ ok: true, value: 7 });
    const s = await harness({ 'index.js': 'exports.s = (event) => event.n * 2;' }, 's');
    await s.init();
    expect(await s.invoke({ n: 21 })).toMatchObject({ ok: true, value: 42 });
    const u = await harness({ 'index.js': 'exports.u = () => {};' }, 'u');
    await u.init();
    expect(await u.invoke({})).toMatchObject({ ok: true, value: null });
  });

  it('leaves a callback handler that never calls back running (the platform times it out), instead of inventing a result', async () => {
    const h = await harness({ 'index.js': 'exports.handler = (event, context, callback) => undefined;' }, 'handler');
    await h.init();
    void h.invoke({}, 'silent');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.messages.some((m) => m.type === 'result')).toBe(false);
  });

  it('supports context.succeed and context.fail', async () => {
    const h = await harness({ 'index.js': "exports.handler = function (event, context) { if (event.bad) context.fail(new Error('nope')); else context.succeed('yes'); return undefined; };" }, 'handler');
    await h.init();
    expect(await h.invoke({})).toMatchObject({ ok: true, value: 'yes' });
    expect(await h.invoke({ bad: true })).toMatchObject({ ok: false, error: { errorMessage: 'nope' } });
  });

  it('finds a handler exported from an ES module and from a TypeScript file with type-only imports from aws-lambda', async () => {
    const ts = await harness({
      'handler.ts': "import type { APIGatewayProxyHandler } from 'aws-lambda';\nimport { Context } from 'aws-lambda';\nexport const hello: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: JSON.stringify({ path: event.path }) });\nexport type Unused = Context;",
    }, 'hello', { dialect: 'lambda' });
    expect((await ts.init()).type).toBe('ready');
    expect(await ts.invoke({ path: '/a' })).toMatchObject({ ok: true, value: { statusCode: 200, body: '{"path":"/a"}' } });
    const esm = await harness({ 'index.mjs': 'export async function main_handler() { return "esm"; }' }, 'main_handler');
    await esm.init();
    expect(await esm.invoke({})).toMatchObject({ ok: true, value: 'esm' });
  });

  it('reports a missing export as an init error naming what the module does export', async () => {
    const h = await harness({ 'index.js': 'exports.hello = async () => 1; exports.bye = 2;' }, 'main_handler');
    const message = await h.init();
    expect(message).toMatchObject({ type: 'initError', error: { errorType: 'Runtime.HandlerNotFound' } });
    if (message.type === 'initError') expect(message.error.errorMessage).toContain('hello, bye');
  });

  it('reports a package that cannot be found as Runtime.ImportModuleError', async () => {
    const h = await harness({ 'index.js': "const db = require('no-such-package-here');\nexports.handler = async () => db;" }, 'handler');
    const message = await h.init();
    expect(message).toMatchObject({ type: 'initError', error: { errorType: 'Runtime.ImportModuleError' } });
    if (message.type === 'initError') expect(message.error.errorMessage).toContain('no-such-package-here');
  });

  it('reports an exception at the module top level as an init error with a mapped stack', async () => {
    const h = await harness({ 'index.ts': "const port: number = Number('x');\nif (Number.isNaN(port)) {\n  throw new Error('bad config');\n}\nexport const main_handler = async () => port;" }, 'main_handler');
    const message = await h.init();
    expect(message).toMatchObject({ type: 'initError', error: { errorType: 'Error', errorMessage: 'bad config' } });
    if (message.type === 'initError') expect(message.error.stack?.[0]).toContain('index.ts:3:9');
  });
});

describe('instance runtime: context and environment', () => {
  it('gives both SCF and Lambda context fields in either dialect', async () => {
    for (const dialect of ['scf', 'lambda'] as const) {
      const h = await harness({ 'index.js': 'exports.handler = async (e, c) => ({ ...c, remaining: c.getRemainingTimeInMillis() });' }, 'handler', { dialect });
      await h.init();
      const result = await h.invoke({}, 'abc-123', 3000);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const c = result.value as Record<string, unknown>;
      expect(c).toMatchObject({
        awsRequestId: 'abc-123', request_id: 'abc-123', functionName: 'demo', function_name: 'demo',
        functionVersion: '$LATEST', function_version: '$LATEST', memoryLimitInMB: '128', memory_limit_in_mb: 128,
        time_limit_in_ms: 3000, namespace: 'default', tencentcloud_region: 'ap-guangzhou',
        logGroupName: '/aws/lambda/demo', callbackWaitsForEmptyEventLoop: true,
      });
      expect(c.invokedFunctionArn).toMatch(/^arn:aws:lambda:ap-guangzhou:\d{12}:function:demo$/);
      expect(c.remaining).toBeGreaterThan(2000);
      expect(c.remaining).toBeLessThanOrEqual(3000);
      expect(JSON.parse(c.environment as string)).toBeTypeOf('object');
    }
  });

  it('shows the function environment as process.env, with the platform variables of the dialect', async () => {
    const code = { 'index.js': 'exports.handler = async () => ({ greeting: process.env.GREETING, scf: process.env.SCF_FUNCTIONNAME, aws: process.env.AWS_LAMBDA_FUNCTION_NAME });' };
    const scf = await harness(code, 'handler', { dialect: 'scf', env: { GREETING: '你好' } });
    await scf.init();
    expect(await scf.invoke({})).toMatchObject({ ok: true, value: { greeting: '你好', scf: 'demo' } });
    const lambda = await harness(code, 'handler', { dialect: 'lambda', env: { GREETING: 'hi' } });
    await lambda.init();
    expect(await lambda.invoke({})).toMatchObject({ ok: true, value: { greeting: 'hi', aws: 'demo' } });
  });

  it('runs the module top level once and keeps module state across warm invocations', async () => {
    const h = await harness({ 'index.js': 'let inits = 0; let calls = 0; inits++; exports.handler = async () => ({ inits, calls: ++calls });' }, 'handler');
    await h.init();
    await h.invoke({});
    await h.invoke({});
    expect(await h.invoke({})).toMatchObject({ ok: true, value: { inits: 1, calls: 3 } });
  });
});

describe('instance runtime: logs and limits', () => {
  it('tags console output with the request id and level; top-level output has no request id', async () => {
    const h = await harness({ 'index.js': "console.log('booting');\nexports.handler = async () => { console.log('a %s', 'b', { n: 1 }); console.warn('careful'); console.error(new Error('shown')); console.debug('dbg'); return 1; };" }, 'handler');
    await h.init();
    await h.invoke({}, 'r-log');
    expect(h.logs(null).map((l) => l.message)).toEqual(['booting']);
    const logs = h.logs('r-log');
    expect(logs.map((l) => l.level)).toEqual(['info', 'warn', 'error', 'debug']);
    expect(logs[0]?.message).toBe('a b {"n":1}');
    expect(logs[2]?.message).toContain('Error: shown');
  });

  it('drops log output past the cap with one visible note', async () => {
    const h = await harness({ 'index.js': "exports.handler = async () => { for (let i = 0; i < 100; i++) console.log('x'.repeat(100)); return 'done'; };" }, 'handler', { limits: { maxLogChars: 1000 } });
    await h.init();
    expect(await h.invoke({}, 'r-cap')).toMatchObject({ ok: true, value: 'done' });
    const logs = h.logs('r-cap');
    expect(logs).toHaveLength(11);
    expect(logs.at(-1)).toMatchObject({ level: 'warn' });
    expect(logs.at(-1)?.message).toContain('dropped');
  });

  it('caps the number of log lines too, so empty lines cannot flood the host', async () => {
    const h = await harness({ 'index.js': 'exports.handler = async () => { for (let i = 0; i < 50; i++) console.log(); return 1; };' }, 'handler', { limits: { maxLogLines: 20 } });
    await h.init();
    await h.invoke({}, 'r-lines');
    const logs = h.logs('r-lines');
    expect(logs).toHaveLength(21);
    expect(logs.at(-1)?.message).toContain('20 lines');
  });

  it('refuses a result larger than the response limit, and returns values after a JSON round trip', async () => {
    const h = await harness({ 'index.js': "exports.handler = async (e) => e.big ? 'y'.repeat(2000) : { when: new Date(0), skip: undefined, keep: 1 };" }, 'handler', { limits: { maxResultBytes: 1000 } });
    await h.init();
    expect(await h.invoke({ big: true })).toMatchObject({ ok: false, error: { errorType: 'RequestEntityTooLarge' } });
    expect(await h.invoke({})).toMatchObject({ ok: true, value: { when: '1970-01-01T00:00:00.000Z', keep: 1 } });
  });

  it('maps error stacks to TypeScript line numbers across files', async () => {
    const h = await harness({
      'index.ts': "import { check } from './lib/check';\n\ninterface Order { id: string }\n\nexport const main_handler = async (event: Order) => {\n  return check(event.id);\n};",
      'lib/check.ts': "// a comment line\nexport function check(id: string): string {\n  if (!id) {\n    throw new TypeError(`missing id`);\n  }\n  return id;\n}",
    }, 'main_handler', { entry: 'index.ts' });
    await h.init();
    const result = await h.invoke({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.errorType).toBe('TypeError');
    expect(result.error.stack?.[0]).toMatch(/at check \(lib\/check\.ts:4:11\)/);
    expect(result.error.stack?.[1]).toMatch(/index\.ts:6:10/);
  });

  it('reports usage and a duration with every result', async () => {
    const h = await harness({ 'index.js': 'exports.handler = async () => new Promise((r) => setTimeout(() => r(1), 20));' }, 'handler');
    await h.init();
    const result = await h.invoke({});
    expect(result.durationMs).toBeGreaterThanOrEqual(15);
    expect(result.usage).toBeTypeOf('object');
  });

  it('logs what ended the instance when it fails between requests (a late unhandled rejection), then reports it fatal', async () => {
    const h = await harness({ 'index.js': "exports.handler = async () => 'answered';" }, 'handler');
    await h.init();
    expect(await h.invoke({})).toMatchObject({ ok: true, value: 'answered' });
    h.fail(new Error('late failure'), 'Runtime.UnhandledPromiseRejection');
    expect(h.logs(null).at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/^The instance is ending: Runtime\.UnhandledPromiseRejection: late failure/) });
    expect(h.messages.at(-1)).toMatchObject({ type: 'fatal', error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'late failure' } });
    h.fail(new Error('again'));
    expect(h.messages.filter((m) => m.type === 'log' && m.message.includes('again'))).toEqual([]);
  });

  it('answers a malformed host message with a fatal protocol error', async () => {
    const h = await harness({ 'index.js': 'exports.handler = async () => 1;' }, 'handler');
    await h.init();
    h.send({ v: 1, type: 'invoke', requestId: 42 });
    expect(h.messages.at(-1)).toMatchObject({ type: 'fatal', error: { errorType: 'Runtime.ProtocolError' } });
  });
});
