import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

describe('the toolchain', () => {
  test('npm scripts run on the pinned Node 22, not the machine’s older Node', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major === 22 ? (minor ?? 0) >= 12 : (major ?? 0) > 22).toBe(true);
  });

  test('.nvmrc and engines agree with the pinned Node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('22');
    expect(pkg.engines.node).toBe('>=22.12.0');
    expect(pkg.devDependencies.node).toMatch(/^\^22\./);
  });
});
