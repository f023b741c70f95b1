import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventually, fixture } from './running-serve.ts';

const BIN = fileURLToPath(new URL('../../../playground/cli/bin.js', import.meta.url));

describe('hello-serverless serve as a process', () => {
  it('prints its address and routes, logs each request (JSON on STDOUT with --json), and exits 0 on Ctrl+C with every instance ended', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', fixture('serve-http'), '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually('the server to listen', () => /at http:\/\/127\.0\.0\.1:\d+/.test(err), 20_000);
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(err)![1]!;
      expect(err).toContain('GET /hello/{name}');
      const response = await fetch(`${url}/hello/proc`);
      expect(await response.json()).toEqual({ greeting: 'hello proc' });
      await eventually('the access record', () => out.includes('\n'));
      const record = JSON.parse(out.split('\n')[0]!) as Record<string, unknown>;
      expect(record).toMatchObject({ method: 'GET', path: '/hello/proc', status: 200, function: 'hello', start: 'cold' });
      expect(Object.keys(record)).toEqual(['time', 'method', 'path', 'status', 'function', 'instance', 'start', 'durationMs', 'billedMs', 'requestId']);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('Stopping: ending every instance.');
  }, 40_000);

  it('exits 2 with a clear message for a project that does not compile or a bad flag', async () => {
    const run = (args: string[]): Promise<{ code: number | null; err: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => resolve({ code, err }));
      });
    const badPort = await run([fixture('serve-http'), '--port', 'ninety']);
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('--port must be a number');
    const dir = mkdtempSync(join(tmpdir(), 'serve-broken-'));
    try {
      writeFileSync(join(dir, 'index.ts'), 'export const handler = async () => {\n  return 1 +;\n};\n');
      const broken = await run([dir, '--port', '0']);
      expect(broken.code).toBe(2);
      expect(broken.err).toMatch(/Compile failed: .* does not compile:\n {2}index\.ts:2:\d+: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
