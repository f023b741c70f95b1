import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const RUNTIME_DIR = new URL('../../../playground/runtime/', import.meta.url);

describe('the runtime runs unchanged in a Web Worker', () => {
  it('imports no Node module and nothing outside runtime, faas/protocol and the bundle contract', () => {
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const name of readdirSync(RUNTIME_DIR).filter((n) => n.endsWith('.ts'))) {
      const source = readFileSync(new URL(name, RUNTIME_DIR), 'utf8');
      for (const match of source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        const spec = match[1] ?? '';
        if (spec.startsWith('node:') || builtins.has(spec)) problems.push(`${name} imports ${spec}`);
        else if (!spec.startsWith('./') && !['../faas/protocol.ts', '../compiler/bundle-contract.ts'].includes(spec)) problems.push(`${name} imports ${spec}`);
      }
      if (/\brequire\(['"]/.test(source)) problems.push(`${name} calls require`);
    }
    expect(problems).toEqual([]);
  });
});
