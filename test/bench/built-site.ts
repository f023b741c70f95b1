import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The built site a browser benchmark runs against: $HS_DIST or dist/ when it holds the engine harness page (a
 * current build), otherwise a fresh build into a temp dir (serialised with other builds, see NOTES.md).
 */
export function builtSiteForBench(): string {
  const given = resolve(process.env.HS_DIST ?? 'dist');
  if (existsSync(join(given, 'dev/engine-harness/index.html'))) return given;
  const out = mkdtempSync(join(tmpdir(), 'hs-bench-site-'));
  console.log(`building the site into ${out} …`);
  // HS_TEST_PAGES=1: the benchmarks drive the engine harness page, which only such a build has.
  const build = spawnSync('flock', ['/tmp/astro-build.lock', 'npx', 'astro', 'build', '--outDir', out], { stdio: 'inherit', env: { ...process.env, HS_TEST_PAGES: '1' } });
  if (build.status !== 0) throw new Error('astro build failed');
  return out;
}
