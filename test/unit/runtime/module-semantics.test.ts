import { describe, expect, it } from 'vitest';
import { createSandboxModules } from '../../../playground/runtime/sandbox-modules.ts';
import { harness } from './harness.ts';

/** The browser's instances: the portable runtime with the sandbox's stand-ins for Node's modules, under /var/user. */
function browserHarness(files: Record<string, string>, exportName: string, entry: string) {
  const modules = createSandboxModules({ root: '/var/user', files, onExit: () => undefined });
  return harness(files, exportName, { entry, require: modules.require, resolve: modules.resolve, process: modules.process });
}

describe('module semantics in the browser runtime (the same compiler options as the CLI)', () => {
  it('gives each source file its own __dirname and __filename under the function root', async () => {
    const h = await browserHarness({
      'src/handler.js': "const { where } = require('./lib/where');\nexports.hello = async () => ({ own: [__dirname, __filename], lib: where() });",
      'src/lib/where.ts': 'export const where = () => [__dirname, __filename];',
    }, 'hello', 'src/handler.js');
    expect((await h.init()).type).toBe('ready');
    expect(await h.invoke({})).toMatchObject({ ok: true, value: { own: ['/var/user/src', '/var/user/src/handler.js'], lib: ['/var/user/src/lib', '/var/user/src/lib/where.ts'] } });
  });

  it('gives an ES module its own import.meta.url, and reads a file next to it through the sandbox fs', async () => {
    const h = await browserHarness({
      'esm/index.mjs': "import { readFileSync } from 'fs';\nexport const handler = async () => ({ url: import.meta.url, text: readFileSync(new URL('./note.txt', import.meta.url).pathname, 'utf8') });",
      'esm/note.txt': 'next to me',
    }, 'handler', 'esm/index.mjs');
    await h.init();
    expect(await h.invoke({})).toMatchObject({ ok: true, value: { url: 'file:///var/user/esm/index.mjs', text: 'next to me' } });
  });

  it('awaits top-level await before the instance is ready, and its time is init time', async () => {
    const h = await browserHarness({ 'index.mjs': "const config = await new Promise((r) => setTimeout(() => r('loaded'), 60));\nexport const handler = async () => config;" }, 'handler', 'index.mjs');
    const ready = await h.init();
    expect(ready.type).toBe('ready');
    if (ready.type === 'ready') expect(ready.initMs).toBeGreaterThanOrEqual(55);
    expect(await h.invoke({})).toMatchObject({ ok: true, value: 'loaded' });
  });

  it('reports a failed top-level await as an init error with its source position', async () => {
    const h = await browserHarness({ 'index.mjs': "await Promise.resolve();\nthrow new Error('config missing');\nexport const handler = async () => 1;" }, 'handler', 'index.mjs');
    const failed = await h.init();
    expect(failed).toMatchObject({ type: 'initError', error: { errorMessage: 'config missing', stack: [expect.stringContaining('index.mjs:2:7')] } });
  });

  it('has require.resolve, and a missing module names the file that required it', async () => {
    const h = await browserHarness({
      'index.js': "const { load } = require('./lib/load');\nexports.handler = async () => ({ path: require.resolve('node:path'), missing: load() });",
      'lib/load.js': "exports.load = () => { try { return require('left-pad'); } catch (e) { return e.message; } };",
    }, 'handler', 'index.js');
    await h.init();
    const result = await h.invoke({});
    expect(result).toMatchObject({ ok: true, value: { path: 'node:path' } });
    if (result.ok) expect((result.value as { missing: string }).missing).toMatch(/^Cannot find module 'left-pad'[^]*\nRequire stack:\n- \/var\/user\/lib\/load\.js$/);
  });

  it('source-maps a stack the code logs itself', async () => {
    const h = await browserHarness({ 'app.ts': "export const handler = async () => {\n  const err: Error = new Error('logged, not thrown');\n  console.log(err);\n  console.error('again:', err.stack);\n  return 1;\n};" }, 'handler', 'app.ts');
    await h.init();
    await h.invoke({}, 'r-log');
    const logs = h.logs('r-log').map((m) => m.message);
    expect(logs[0]).toMatch(/logged, not thrown[^]*app\.ts:2:22/);
    expect(logs[1]).toMatch(/^again: Error: logged, not thrown[^]*app\.ts:2:22/);
    expect(logs.join('\n')).not.toContain('function.js');
  });
});
