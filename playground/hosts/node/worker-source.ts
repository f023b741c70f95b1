import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The instance worker as one CommonJS script. Starting a worker from the .ts entry makes Node strip types from a
 * dozen runtime modules for every cold start (about 50 ms here); bundling once per process leaves only the
 * worker's own start-up in each cold start.
 */
export function instanceWorkerSource(): string {
  cached ??= bundle();
  return cached;
}

function bundle(): string {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('./instance-worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('could not bundle the instance worker');
  return text;
}
