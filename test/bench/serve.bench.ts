/**
 * Requests per second through `hello-serverless serve` for a trivial handler, with autocannon at 1 and at 50
 * concurrent connections, against `invoke` round trips on the bare Platform (the same Node host, no HTTP) at 1 and
 * at 50 in flight. serve runs as its own process, as a user runs it, logging each request to a discarded STDERR;
 * the load tool and the bare Platform run in this one. Each figure is measured after a warm-up at the same
 * concurrency, so it counts warm requests: starting 50 instances at once on a small machine takes seconds (the
 * warm-up line says how long), which would otherwise swamp a short run. Set SERVE_BENCH_SECONDS to measure longer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDirectory } from '../../playground/compiler/node.ts';
import { Platform } from '../../playground/faas/platform.ts';
import { RealClock } from '../../playground/faas/real-clock.ts';
import { NodeInstanceHost } from '../../playground/hosts/node/node-instance-host.ts';

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type LoadTool = (options: { url: string; connections: number; duration?: number; amount?: number; timeout?: number }) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as LoadTool;

const SECONDS = Number(process.env.SERVE_BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = 5;
/** Requests per connection in serve's warm-up: enough for every connection's instance to be started and warm. */
const WARM_UP_ROUNDS = 10;
const BIN = fileURLToPath(new URL('../../playground/cli/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'serve-bench-'));
writeFileSync(join(dir, 'index.js'), "exports.handler = async () => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' });\n");

async function throughServe(): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    const onData = (chunk: Buffer): void => {
      err += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (found) {
        child.stderr.off('data', onData);
        child.stderr.resume();
        resolve(found[1]!);
      }
    };
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  try {
    for (const connections of [1, 50]) {
      const warmUpStarted = performance.now();
      await autocannon({ url: `${url}/bench`, connections, amount: connections * WARM_UP_ROUNDS, timeout: 120 });
      console.log(`serve, ${String(connections).padStart(2)} connections, warm-up: ${connections * WARM_UP_ROUNDS} requests in ${((performance.now() - warmUpStarted) / 1000).toFixed(1)} s (cold starts included)`);
      const result = await autocannon({ url: `${url}/bench`, connections, duration: SECONDS, timeout: 60 });
      const failed = result.non2xx + result.errors;
      console.log(`serve, ${String(connections).padStart(2)} connections: ${Math.round(result.requests.average)} req/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests${failed ? `, ${failed} not 2xx` : ''})`);
    }
  } finally {
    child.kill('SIGINT');
  }
}

async function barePlatform(): Promise<void> {
  const compiled = await compileDirectory(dir, 'index');
  if (!compiled.ok) throw new Error('the bench handler does not compile');
  const clock = new RealClock();
  const platform = new Platform({ clock, host: new NodeInstanceHost({ functionRoot: dir, clock }), keepLogs: false });
  platform.deploy({ name: 'bench', dialect: 'lambda', exportName: 'handler', bundle: compiled.bundle, memoryMb: 128, timeoutS: 3 });
  const event = { rawPath: '/bench', headers: {} };
  const run = async (inFlight: number, seconds: number): Promise<{ perSecond: number; failed: number }> => {
    let done = 0;
    let failed = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        if ((await platform.invoke('bench', event)).status !== 'ok') failed++;
        done++;
      }
    }));
    return { perSecond: done / ((performance.now() - started) / 1000), failed };
  };
  for (const inFlight of [1, 50]) {
    const warmUpStarted = performance.now();
    await run(inFlight, WARM_UP_SECONDS);
    console.log(`bare Platform invoke, ${String(inFlight).padStart(2)} in flight, warm-up: ${((performance.now() - warmUpStarted) / 1000).toFixed(1)} s`);
    const { perSecond, failed } = await run(inFlight, SECONDS);
    console.log(`bare Platform invoke, ${String(inFlight).padStart(2)} in flight: ${Math.round(perSecond)} invokes/s${failed ? ` (${failed} failed)` : ''}`);
  }
  platform.shutdown();
}

try {
  await throughServe();
  await barePlatform();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
