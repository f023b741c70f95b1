import { describe, expect, it } from 'vitest';
import { cli, fixture } from './run-cli.ts';

describe('real projects: Node module semantics in the CLI', () => {
  it('gives each source file its own __dirname and __filename, so a handler under src/ reads ../config', async () => {
    const root = fixture('real-module-paths');
    const { code, json } = await cli('invoke', root);
    expect(code).toBe(0);
    expect(json).toEqual({
      greeting: 'read from ../config next to src',
      dirname: `${root}/src`,
      filename: `${root}/src/handler.js`,
      lib: { dirname: `${root}/src/lib`, filename: `${root}/src/lib/where.js` },
    });
  });

  it('gives an ES module handler its own import.meta.url, so it reads the file next to it', async () => {
    const root = fixture('real-esm-paths');
    const { code, json } = await cli('invoke', root);
    expect(code).toBe(0);
    expect(json).toEqual({ answer: 42, url: `file://${root}/index.mjs`, dirname: root });
  });

  it('runs top-level await during init and counts it in the init duration', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-top-level-await'));
    expect(code).toBe(0);
    expect(json).toEqual({ table: 'orders' });
    const init = Number(/Init Duration: ([\d.]+) ms/.exec(err)?.[1]);
    expect(init).toBeGreaterThanOrEqual(150);
  });

  it('has require.resolve, and a failed require names the file that asked in its Require stack', async () => {
    const root = fixture('real-require');
    const { code, json } = await cli('invoke', root, '--handler', 'src/handler.resolve');
    expect(code).toBe(0);
    expect(json).toEqual({ path: 'node:path', missing: `Cannot find module 'a-package-nobody-installed'\nRequire stack:\n- ${root}/src/lib/describe.js` });
  });

  it('source-maps the stacks the code logs itself, as it does thrown ones', async () => {
    const { code, err } = await cli('invoke', fixture('real-require'), '--handler', 'src/handler.logged');
    expect(code).toBe(0);
    expect(err).toMatch(/INFO\tSyntaxError: [^\n]*\n\s+at JSON\.parse \(<anonymous>\)\n\s+at exports\.logged \(src\/handler\.js:7:10\)/);
    expect(err).toMatch(/INFO\tstack: SyntaxError[^\n]*\n[^\n]*\n\s+at exports\.logged \(src\/handler\.js:7:10\)/);
    expect(err).not.toContain('function.js');
  });
});

describe('real projects: callbackWaitsForEmptyEventLoop', () => {
  it('answers a callback handler only once its pending timer has run, as Lambda and SCF do', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-callback-wait'), '--handler', 'index.waits');
    expect(code).toBe(0);
    expect(json).toBe('done');
    expect(err.indexOf('timer after the callback')).toBeGreaterThan(-1);
    expect(err.indexOf('timer after the callback')).toBeLessThan(err.indexOf('END RequestId'));
    expect(Number(/\tDuration: ([\d.]+) ms/.exec(err)?.[1])).toBeGreaterThanOrEqual(300);
  });

  it('answers at once when the handler sets callbackWaitsForEmptyEventLoop = false, and the timer never prints', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-callback-wait'), '--handler', 'index.doesNotWait');
    expect(code).toBe(0);
    expect(json).toBe('done');
    expect(err).not.toContain('timer after the callback');
  });

  it('fails the invocation when leftover work throws before the loop empties', async () => {
    const { code, json } = await cli('invoke', fixture('real-callback-wait'), '--handler', 'index.failsLater');
    expect(code).toBe(1);
    expect(json).toMatchObject({ errorType: 'Error', errorMessage: 'leftover work failed', stackTrace: [expect.stringContaining('index.js:14:11')] });
  });
});
