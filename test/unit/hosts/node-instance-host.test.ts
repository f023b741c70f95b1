import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startInstance } from './instance-driver.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

describe('NodeInstanceHost: a worker per instance', () => {
  it('starts, reports its start phases, and keeps module state and /tmp across warm invocations', async () => {
    const code = "const fs = require('fs');\nlet calls = 0;\nexports.handler = async () => { calls++; fs.appendFileSync('/tmp/visits', 'x'); return { calls, visits: fs.readFileSync('/tmp/visits', 'utf8').length }; };";
    const first = await startInstance('index.js', { 'index.js': code }, 'handler');
    const ready = await first.next('ready');
    expect(ready.phases.spawnMs).toBeGreaterThan(0);
    expect(ready.phases.initMs).toBeGreaterThanOrEqual(0);
    await first.invoke({}, 'a');
    expect((await first.invoke({}, 'b')).result).toEqual({ ok: true, value: { calls: 2, visits: 2 } });
    first.handle.terminate('reclaimed');
    expect(await first.next('exit')).toMatchObject({ reason: 'reclaimed' });

    const second = await startInstance('index.js', { 'index.js': code }, 'handler');
    await second.next('ready');
    expect((await second.invoke({}, 'c')).result).toEqual({ ok: true, value: { calls: 1, visits: 1 } });
    second.handle.terminate('shutdown');
    await second.next('exit');
  });

  it('reads files next to the handler and requires local files at run time', async () => {
    const root = new URL('files-next-to-handler/', FIXTURES).pathname;
    const source = readFileSync(`${root}index.js`, 'utf8');
    const driver = await startInstance('index.js', { 'index.js': source }, 'main_handler', { host: { functionRoot: root } });
    await driver.next('ready');
    const outcome = await driver.invoke({}, 'files');
    expect(outcome.result).toEqual({ ok: true, value: { viaDirname: 'hello from a file next to the handler', viaRelativePath: 'hello from a file next to the handler', config: { region: 'ap-shanghai' } } });
    driver.handle.terminate('shutdown');
    await driver.next('exit');
  });

  it('writes spec.files to a directory of its own when there is no real function root', async () => {
    const driver = await startInstance('index.js', { 'index.js': "exports.handler = async () => require('fs').readFileSync(__dirname + '/notes.txt', 'utf8');", 'notes.txt': 'virtual' }, 'handler');
    await driver.next('ready');
    expect((await driver.invoke({}, 'v')).result).toEqual({ ok: true, value: 'virtual' });
    driver.handle.terminate('shutdown');
    await driver.next('exit');
  });

  it('turns raw writes to process.stdout into log lines of the request', async () => {
    const driver = await startInstance('index.js', { 'index.js': "exports.handler = async () => { process.stdout.write('raw line\\n'); await new Promise((r) => setTimeout(r, 30)); return 1; };" }, 'handler');
    await driver.next('ready');
    await driver.invoke({}, 'out');
    expect(driver.events).toContainEqual({ kind: 'log', requestId: 'out', level: 'info', message: 'raw line' });
    driver.handle.terminate('shutdown');
    await driver.next('exit');
  });

  it('caps raw process.stdout output per request with one note', async () => {
    const driver = await startInstance('index.js', { 'index.js': "exports.handler = async () => { for (let i = 0; i < 400; i++) process.stdout.write('y'.repeat(1000) + '\\n'); await new Promise((r) => setTimeout(r, 100)); return 1; };" }, 'handler');
    await driver.next('ready');
    await driver.invoke({}, 'flood');
    const logs = driver.events.filter((e) => e.kind === 'log' && e.requestId === 'flood');
    const chars = logs.reduce((sum, e) => sum + (e.kind === 'log' ? e.message.length : 0), 0);
    expect(chars).toBeLessThan(300 * 1024);
    expect(logs.at(-1)).toMatchObject({ level: 'warn' });
    driver.handle.terminate('shutdown');
    await driver.next('exit');
  });

  it('reports an init error and exits with reason init-error', async () => {
    const driver = await startInstance('index.js', { 'index.js': "throw new Error('no database url');" }, 'handler');
    expect((await driver.next('initError')).error).toMatchObject({ errorMessage: 'no database url' });
    expect(await driver.next('exit')).toMatchObject({ reason: 'init-error' });
  });
});

describe('NodeInstanceHost: instances that end badly', () => {
  it('ends an instance that leaks heap past its memory size as out-of-memory', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'const keep = [];\nexports.handler = async () => { for (;;) keep.push(new Array(10000).fill({ a: Math.random() })); };' }, 'handler', { memoryMb: 64 });
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'leak', event: {}, deadline: Date.now() + 30_000 });
    const exit = await driver.next('exit');
    expect(exit.reason).toBe('out-of-memory');
    expect(exit.error?.errorType).toBe('Runtime.OutOfMemory');
  }, 30_000);

  it('ends an instance that leaks off-heap Buffers, which the heap limit does not see', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'const keep = [];\nexports.handler = async () => { for (let i = 0; i < 400; i++) { keep.push(Buffer.alloc(1024 * 1024, 1)); await new Promise((r) => setTimeout(r, 2)); } return keep.length; };' }, 'handler', { memoryMb: 64 });
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'buffers', event: {}, deadline: Date.now() + 30_000 });
    const exit = await driver.next('exit');
    expect(exit.reason).toBe('out-of-memory');
    expect(driver.events.some((e) => e.kind === 'result')).toBe(false);
  }, 30_000);

  it('terminates a spinning handler when the scheduler times it out', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'exports.handler = async () => { for (;;) {} };' }, 'handler');
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'spin', event: {}, deadline: Date.now() + 100 });
    setTimeout(() => driver.handle.terminate('timeout'), 100);
    expect(await driver.next('exit')).toEqual({ kind: 'exit', reason: 'timeout' });
  });

  it('reports an exception thrown from a timer as a crash', async () => {
    const driver = await startInstance('index.js', { 'index.js': "exports.handler = (e, c, cb) => { setTimeout(() => { throw new SyntaxError('async boom'); }, 1); };" }, 'handler');
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'boom', event: {}, deadline: Date.now() + 3000 });
    expect(await driver.next('exit')).toMatchObject({ reason: 'crash', error: { errorType: 'SyntaxError', errorMessage: 'async boom' } });
  });

  it('reports an unhandled rejection as a crash of type Runtime.UnhandledPromiseRejection', async () => {
    const driver = await startInstance('index.js', { 'index.js': "exports.handler = async () => { Promise.reject(new Error('forgotten')); await new Promise((r) => setTimeout(r, 50)); return 1; };" }, 'handler');
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'rej', event: {}, deadline: Date.now() + 3000 });
    expect(await driver.next('exit')).toMatchObject({ reason: 'crash', error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'forgotten' } });
  });

  it('reports process.exit inside the handler as a crash with the exit status', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'exports.handler = async () => { process.exit(3); };' }, 'handler');
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'bye', event: {}, deadline: Date.now() + 3000 });
    const exit = await driver.next('exit');
    expect(exit).toMatchObject({ reason: 'crash', error: { errorType: 'Runtime.ExitError' } });
    expect(exit.error?.errorMessage).toContain('exit status 3');
  });

  it('ends an instance that sends a malformed message with protocol-error', async () => {
    const driver = await startInstance('index.js', { 'index.js': "exports.handler = async () => { require('worker_threads').parentPort.postMessage({ v: 1, type: 'result', requestId: 'forged', ok: 'maybe' }); await new Promise((r) => setTimeout(r, 1000)); };" }, 'handler');
    await driver.next('ready');
    driver.handle.invoke({ requestId: 'm', event: {}, deadline: Date.now() + 3000 });
    const exit = await driver.next('exit');
    expect(exit.reason).toBe('protocol-error');
    expect(exit.error?.errorMessage).toContain('malformed');
  });
});

describe('NodeInstanceHost: exits during init', () => {
  it('reports process.exit at the module top level as an init error', async () => {
    const driver = await startInstance('index.js', { 'index.js': 'process.exit(2);\nexports.handler = async () => 1;' }, 'handler');
    expect((await driver.next('initError')).error).toMatchObject({ errorType: 'Runtime.ExitError', errorMessage: 'Error: Runtime exited with error: exit status 2' });
    expect(await driver.next('exit')).toMatchObject({ reason: 'init-error' });
  });
});
