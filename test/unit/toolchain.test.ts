import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../../playground/cli/bin.js', import.meta.url));

describe('the toolchain', () => {
  test('npm scripts run on the pinned Node 22, not the machine’s older Node', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major === 22 ? (minor ?? 0) >= 18 : (major ?? 0) > 22).toBe(true);
  });

  test('.nvmrc and engines agree with the pinned Node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('22');
    expect(pkg.engines.node).toBe('>=22.18.0');
    expect(pkg.devDependencies.node).toMatch(/^\^22\./);
  });

  test('the CLI tells a Node that cannot run TypeScript what it needs, and exits 2', () => {
    const run = spawnSync(process.execPath, ['--no-experimental-strip-types', CLI, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('hello-serverless needs a Node.js that runs TypeScript (22.18 or later)');
    expect(run.stderr).toContain('with type stripping turned off');
    expect(run.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
  });
});
