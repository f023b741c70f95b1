import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { fakeIO } from './fake-io.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

function eventFile(event: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

describe('hello-serverless invoke', () => {
  it('runs an SCF template handler from a component serverless.yml; stdout is exactly the returned JSON', async () => {
    const io = fakeIO();
    const code = await main(['invoke', fixture('scf-template'), '--event', eventFile({ hello: '世界' })], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ hello: '世界' });
    expect(io.err).toMatch(/^START RequestId: \S+ Version: \$LATEST$/m);
    expect(io.err).toMatch(/\tINFO\tHello World/);
    expect(io.err).toMatch(/^END RequestId: /m);
    expect(io.err).toMatch(/^REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms$/m);
    expect(io.err).toContain("request_id: '");
    expect(io.err).toContain('GREETING');
  });

  it('keeps everything the handler prints off STDOUT, which holds only the result', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('noisy')], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ quiet: false });
    for (const text of ['top-level stdout', 'console.log', 'raw stdout', 'raw stderr']) expect(io.err).toContain(text);
  });

  it('reads a Serverless Framework file: per-function settings override the provider', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('aws-nodejs'), '--function', 'hello'], io)).toBe(0);
    const response = JSON.parse(io.out) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ input: {}, stage: 'test' });
    expect(io.err).toContain('Memory Size: 512 MB');
  });

  it('asks which function to run when serverless.yml defines several (exit 2)', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('aws-nodejs')], io)).toBe(2);
    expect(io.err).toContain('--function');
    expect(io.err).toContain('hello, goodbye');
    expect(io.out).toBe('');
  });

  it('lets flags override the file: --env and --memory', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('aws-nodejs'), '--function', 'hello', '--env', 'STAGE=prod', '--memory', '256'], io)).toBe(0);
    expect(JSON.parse((JSON.parse(io.out) as { body: string }).body)).toMatchObject({ stage: 'prod' });
    expect(io.err).toContain('Memory Size: 256 MB');
  });

  it('prints a Lambda-style error document and exits 1 when the handler throws, with the TypeScript line', async () => {
    const io = fakeIO();
    expect(await main(['invoke', join(fixture('failing'), 'index.ts')], io)).toBe(1);
    const error = JSON.parse(io.out) as { errorType: string; errorMessage: string; stackTrace: string[] };
    expect(error).toMatchObject({ errorType: 'TypeError', errorMessage: 'order id is required' });
    expect(error.stackTrace[0]).toContain('index.ts:9:11');
  });

  it('reads the event from STDIN with --event -', async () => {
    const io = fakeIO('{"id":"A-1"}');
    expect(await main(['invoke', join(fixture('failing'), 'index.ts'), '--event', '-'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ id: 'A-1' });
  });

  it('times out a slow function: exit 1, Sandbox.Timedout, and a REPORT with Status: timeout', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('slow'), '--timeout', '0.3'], io)).toBe(1);
    const error = JSON.parse(io.out) as { errorType: string; errorMessage: string };
    expect(error.errorType).toBe('Sandbox.Timedout');
    expect(error.errorMessage).toContain('Task timed out after 0.30 seconds');
    expect(io.err).toContain('starting a long job');
    expect(io.err).toContain('Status: timeout');
  });

  it('reports an out-of-memory end as Runtime.OutOfMemory with exit 1', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('leaky'), '--memory', '48'], io)).toBe(1);
    expect(JSON.parse(io.out)).toMatchObject({ errorType: 'Runtime.OutOfMemory' });
    expect(io.err).toContain('Max Memory Used: 48 MB');
  }, 30_000);

  it('runs a callback-style handler in the Lambda dialect', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('callback-style'), '--event', eventFile({ n: 1 })], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ echoed: { n: 1 }, region: 'us-east-1' });
  });

  it('reports a compile error with file, line and column and exits 2', async () => {
    const io = fakeIO();
    // Written at test time: a broken .ts file under test/ would break the project's type check.
    const dir = mkdtempSync(join(tmpdir(), 'compile-error-'));
    writeFileSync(join(dir, 'index.ts'), 'export const handler = async () => {\n  return { ok: true ;\n};\n');
    expect(await main(['invoke', dir], io)).toBe(2);
    expect(io.err).toMatch(/index\.ts:2:\d+: /);
    expect(io.out).toBe('');
  });

  it('exits 2 naming an unknown flag, a bad value, a missing path or an invalid event', async () => {
    const cases: [string[], RegExp][] = [
      [['invoke', fixture('slow'), '--bogus'], /--bogus/],
      [['invoke', fixture('slow'), '--memory', 'lots'], /--memory must be a number/],
      [['invoke', fixture('slow'), '--dialect', 'azure'], /--dialect must be scf or lambda/],
      [['invoke', fixture('does-not-exist')], /does not exist/],
      [['invoke', fixture('slow'), '--event', fixture('slow/index.js')], /not valid JSON/],
      [['invoke'], /exactly one/],
    ];
    for (const [args, message] of cases) {
      const io = fakeIO();
      expect(await main(args, io)).toBe(2);
      expect(io.err).toMatch(message);
    }
  });
});
