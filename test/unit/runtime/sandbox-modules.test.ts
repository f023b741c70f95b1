import { describe, expect, it } from 'vitest';
import { createSandboxModules } from '../../../playground/runtime/sandbox-modules.ts';
import { harness } from './harness.ts';

const sandbox = () => createSandboxModules({ root: '/var/user', files: { 'data/config.json': '{"a":1}' }, onExit: () => undefined });

describe('sandbox modules for hosts without Node (browser)', () => {
  it('reads the function files (read-only) and writes scratch files under /tmp only', async () => {
    const { fs } = sandbox();
    expect(fs.readFileSync('data/config.json', 'utf8')).toBe('{"a":1}');
    expect(fs.readFileSync('/var/user/data/config.json', { encoding: 'utf8' })).toBe('{"a":1}');
    expect(() => fs.writeFileSync('/var/user/x.txt', 'no')).toThrow(expect.objectContaining({ code: 'EROFS' }));
    fs.mkdirSync('/tmp/cache/deep', { recursive: true });
    fs.writeFileSync('/tmp/cache/deep/a.txt', 'one');
    fs.appendFileSync('/tmp/cache/deep/a.txt', '+two');
    expect(fs.readFileSync('/tmp/cache/deep/a.txt', 'utf8')).toBe('one+two');
    expect(fs.readdirSync('/tmp/cache')).toEqual(['deep']);
    expect(await fs.promises.readFile('/tmp/cache/deep/a.txt', 'utf8')).toBe('one+two');
    await expect(fs.promises.readFile('/tmp/missing')).rejects.toMatchObject({ code: 'ENOENT' });
    const viaCallback = await new Promise((resolve) => fs.readFile('/tmp/cache/deep/a.txt', 'utf8', (_e: unknown, text: unknown) => resolve(text)));
    expect(viaCallback).toBe('one+two');
    fs.rmSync('/tmp/cache', { recursive: true });
    expect(fs.existsSync('/tmp/cache/deep/a.txt')).toBe(false);
  });

  it('gives path, util and crypto, and a clear error for other modules', () => {
    const { require } = sandbox();
    const path = require('node:path') as { join(...p: string[]): string; resolve(...p: string[]): string; extname(p: string): string };
    expect(path.join('/tmp', 'a', '../b.txt')).toBe('/tmp/b.txt');
    expect(path.resolve('data')).toBe('/var/user/data');
    expect(path.extname('x/y.json')).toBe('.json');
    expect((require('util') as { format(...a: unknown[]): string }).format('%s=%d', 'n', 3)).toBe('n=3');
    expect(() => require('pg')).toThrow(/Cannot find module 'pg'/);
  });

  it('lets a handler in the runtime use /tmp across warm invocations and stops it at process.exit', async () => {
    let exitCode: number | undefined;
    const modules = createSandboxModules({ root: '/var/user', files: {}, onExit: (code) => { exitCode = code; } });
    const h = await harness({ 'index.js': "const fs = require('fs');\nexports.handler = async (e) => { if (e.exit) process.exit(4); fs.appendFileSync('/tmp/n', 'x'); return fs.readFileSync('/tmp/n', 'utf8'); };" }, 'handler', { require: modules.require, process: modules.process });
    await h.init();
    await h.invoke({});
    expect(await h.invoke({})).toMatchObject({ ok: true, value: 'xx' });
    expect(await h.invoke({ exit: true })).toMatchObject({ ok: false, error: { errorType: 'ProcessExit' } });
    expect(exitCode).toBe(4);
  });
});
