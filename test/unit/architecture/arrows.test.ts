import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layerProblems } from './layer-rules.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PURE_LAYERS = ['playground/faas', 'playground/model', 'playground/project', 'playground/gateway', 'playground/services'];

function tsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? tsFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
}

describe('arrows point one way: faas, model and project run in any JavaScript host', () => {
  it('no file in playground/faas, playground/model or playground/project imports Node, Astro or an outer layer, or touches window, document, localStorage or process', () => {
    const files = PURE_LAYERS.flatMap(tsFiles);
    expect(files).toContain('playground/faas/platform.ts');
    expect(files).toContain('playground/project/project-file.ts');
    expect(files).toContain('playground/gateway/route-table.ts');
    const problems = files.flatMap((file) => layerProblems(relative(ROOT, join(ROOT, file)).split(sep).join('/'), readFileSync(join(ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  describe('the rule itself', () => {
    const file = 'playground/faas/example.ts';

    it('flags Node builtins with and without the node: prefix, and Astro', () => {
      expect(layerProblems(file, "import { readFileSync } from 'node:fs';")).toHaveLength(1);
      expect(layerProblems(file, "import path from 'path';")).toHaveLength(1);
      expect(layerProblems(file, "import { x } from 'fs/promises';")).toHaveLength(1);
      expect(layerProblems(file, "import { getCollection } from 'astro:content';")).toHaveLength(1);
      expect(layerProblems(file, "const m = await import('node:worker_threads');")).toHaveLength(1);
    });

    it('flags imports of ui, cli, hosts, runtime and compiler, and allows its own layer and model', () => {
      expect(layerProblems(file, "import { NodeInstanceHost } from '../hosts/node/node-instance-host.ts';")).toHaveLength(1);
      expect(layerProblems('playground/faas/policies/p.ts', "export { x } from '../../cli/main.ts';")).toHaveLength(1);
      expect(layerProblems(file, "import type { Clock } from './clock.ts';\nimport { y } from '../model/y.ts';")).toEqual([]);
    });

    it('flags host globals in code but not in comments or strings', () => {
      expect(layerProblems(file, 'const w = window.innerWidth;')).toEqual([`${file} uses window`]);
      expect(layerProblems(file, 'if (process.env.X) {}')).toEqual([`${file} uses process.`]);
      expect(layerProblems(file, 'localStorage.setItem("a", "b");')).toEqual([`${file} uses localStorage`]);
      expect(layerProblems(file, '// the window of time\n/* document */\nconst s = "process.exit() ends the instance";')).toEqual([]);
      expect(layerProblems(file, "const quote = /['\"]/;\nconst w = window.name;")).toEqual([`${file} uses window`]);
    });
  });
});
