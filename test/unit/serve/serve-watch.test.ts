import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, serveForTest } from './running-serve.ts';
import type { ServeUnderTest } from './running-serve.ts';

const handler = (answer: string): string => `export const handler = async () => ({ answer: '${answer}' });\n`;

let serve: ServeUnderTest | undefined;
let dir: string | undefined;

afterEach(async () => {
  await serve?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  serve = undefined;
  dir = undefined;
});

async function watched(source: string): Promise<{ serve: ServeUnderTest; file: string }> {
  dir = mkdtempSync(join(tmpdir(), 'serve-watch-'));
  const file = join(dir, 'index.ts');
  writeFileSync(file, source);
  serve = await serveForTest(dir, { watch: true });
  return { serve, file };
}

const answer = async (s: ServeUnderTest, path = '/anything'): Promise<unknown> => ((await (await fetch(`${s.url}${path}`)).json()) as { answer: unknown }).answer;
const deployed = (s: ServeUnderTest): number => s.io.err.split('\n').filter((line) => line.includes(' deployed;')).length;

/** OS threads of this process: each worker_threads instance is one. */
const threads = (): number => readdirSync('/proc/self/task').length;

describe('serve without a project file', () => {
  it('lets the one function answer every path, and keeps the Invoke API prefix out of its catch-all', async () => {
    const { serve } = await watched(handler('one'));
    expect(await answer(serve, '/any/path?x=1')).toBe('one');
    const invoke = await fetch(`${serve.url}/2015-03-31/functions/missing/invocations`, { method: 'POST', body: '{}' });
    expect([invoke.status, invoke.headers.get('x-amzn-errortype')]).toEqual([404, 'ResourceNotFoundException']);
  }, 30_000);
});

describe('serve --watch', () => {
  it('deploys the changed code as a new version: the next request is a cold start on it', async () => {
    const { serve, file } = await watched(handler('before'));
    expect(await answer(serve)).toBe('before');
    expect(await answer(serve)).toBe('before');
    writeFileSync(file, handler('after'));
    await eventually('the reload', () => deployed(serve) === 1);
    expect(serve.io.err).toMatch(/\[watch\] index\.ts changed: \S+ v2 deployed; the next request is a cold start on it/);
    expect(await answer(serve)).toBe('after');
    const [, warm, cold] = serve.records();
    expect(warm!.start).toBe('warm');
    expect(cold!.start).toBe('cold');
    expect(cold!.instance).not.toBe(warm!.instance);
    expect(serve.io.err).toMatch(/GET \/anything 200 {2}\S+ \S+ v2 cold/);
  }, 30_000);

  it('keeps seeing a file an editor saves by renaming a new copy over it (vim, sed -i), save after save', async () => {
    const { serve, file } = await watched(handler('v1'));
    expect(await answer(serve)).toBe('v1');
    for (let version = 2; version <= 4; version++) {
      const copy = join(dir!, `.index.ts.swp${version}`);
      writeFileSync(copy, handler(`v${version}`));
      renameSync(copy, file);
      await eventually(`save ${version - 1}`, () => deployed(serve) === version - 1);
      expect(await answer(serve)).toBe(`v${version}`);
    }
    expect(serve.io.err).toMatch(/\[watch\] index\.ts changed: \S+ v4 deployed/);
  }, 30_000);

  it("deploys a new version when a file of the function's layer changes, in a folder beside the function's own", async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-watch-layer-'));
    cpSync(fileURLToPath(new URL('../../fixtures/real-sam-layer', import.meta.url)), dir, { recursive: true });
    serve = await serveForTest(dir, { watch: true });
    const message = async (s: ServeUnderTest): Promise<unknown> => {
      const response = await fetch(`${s.url}/2015-03-31/functions/HelloFunction/invocations`, { method: 'POST', body: JSON.stringify({ name: 'Ana' }) });
      return ((await response.json()) as { message: unknown }).message;
    };
    expect(await message(serve)).toBe('HELLO ANA FROM TINY-PKG!');
    writeFileSync(join(dir, 'layers/util/nodejs/util.js'), 'exports.shout = (text) => `${text.toUpperCase()}!!!`;\nexports.where = __filename;\n');
    await eventually('the reload', () => deployed(serve!) === 1);
    expect(serve.io.err).toMatch(/\[watch\] \S*layers\/util\/nodejs\/util\.js changed: HelloFunction v2 deployed/);
    expect(await message(serve)).toBe('HELLO ANA FROM TINY-PKG!!!');
  }, 30_000);

  it('prints a compile error with file:line:column and keeps the old version serving', async () => {
    const { serve, file } = await watched(handler('good'));
    expect(await answer(serve)).toBe('good');
    writeFileSync(file, 'export const handler = async () => ({ answer: ;\n');
    await eventually('the compile error', () => serve.io.err.includes('does not compile'));
    expect(serve.io.err).toMatch(/index\.ts:1:\d+: /);
    expect(serve.io.err).toContain('v1 keeps serving');
    expect(await answer(serve)).toBe('good');
    writeFileSync(file, handler('fixed'));
    await eventually('the reload after the fix', () => deployed(serve) === 1);
    expect(await answer(serve)).toBe('fixed');
  }, 30_000);

  it('leaks no worker threads over 50 reloads: old instances end once idle', async () => {
    const { serve, file } = await watched(handler('v1'));
    expect(await answer(serve)).toBe('v1');
    const baseline = threads();
    for (let version = 2; version <= 51; version++) {
      writeFileSync(file, handler(`v${version}`));
      await eventually(`reload ${version - 1}`, () => deployed(serve) === version - 1);
      expect(await answer(serve)).toBe(`v${version}`);
    }
    await eventually('the old instances to end', () => serve.platform.instances().length === 1 && threads() <= baseline);
    expect(serve.platform.instances()).toHaveLength(1);
  }, 120_000);
});

describe('serve reads the project file as invoke does', () => {
  it('warns about a value only the cloud has, leaves it unset, and still serves', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-warn-'));
    writeFileSync(join(dir, 'index.ts'), 'export const handler = async () => ({ answer: process.env.TABLE ?? "unset" });\n');
    writeFileSync(join(dir, 'serverless.yml'), 'service: warn\nprovider:\n  name: aws\n  environment:\n    TABLE: ${ssm:/prod/table}\nfunctions:\n  api:\n    handler: index.handler\n    events:\n      - httpApi: "*"\n');
    serve = await serveForTest(dir, {});
    expect(await answer(serve)).toBe('unset');
    expect(serve.io.err).toMatch(/warning: .*TABLE.*ssm/);
  }, 30_000);
});
