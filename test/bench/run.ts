/**
 * `npm run bench`: runs every test/bench/*.bench.ts in its own Node process, one after another, so one
 * benchmark's garbage and JIT state never colour the next one's figures. Each file prints its own figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = 0;
for (const name of files) {
  console.log(`\n== ${name} ==`);
  const run = spawnSync(process.execPath, [join(here, name)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`${name} exited with ${run.status ?? run.signal}`);
  }
}
if (files.length === 0) {
  console.error('No benchmarks matched.');
  process.exit(1);
}
process.exit(failed === 0 ? 0 : 1);
