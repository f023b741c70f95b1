import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDirectory, compileFiles, findEntry } from '../../../playground/compiler/node.ts';
import { readInlineSourceMap } from '../../../playground/runtime/source-map.ts';

describe('compiler', () => {
  it('places errors and code on a file\'s first line where the author wrote them, whatever the compiler adds there', async () => {
    const broken = await compileFiles({ entry: 'index.ts', files: { 'index.ts': 'import { x } from "./helper";\nexport const h = () => x;\n', 'helper.ts': 'export const x = ;\n' } });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.diagnostics[0]).toMatchObject({ file: 'helper.ts', line: 1, column: 18 });

    const compiled = await compileFiles({ entry: 'index.ts', files: { 'index.ts': 'export const g = () => __filename.length;' } });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const map = readInlineSourceMap(compiled.bundle);
    const lines = compiled.bundle.split('\n');
    const at = lines.findIndex((line) => line.includes('__filename.length') || line.includes('.filename.length'));
    const column = lines[at]!.indexOf('.length') + 1;
    expect(map?.lookup(at + 1, column)).toMatchObject({ source: 'hello-serverless:index.ts', line: 1, column: 24 });
  });

  it('bundles TypeScript with helper modules into one CommonJS file with an inline source map', async () => {
    const result = await compileFiles({ entry: 'index.ts', files: { 'index.ts': "import { twice } from './lib/math';\nexport const handler = async (e: { n: number }) => twice(e.n);", 'lib/math.ts': 'export const twice = (n: number): number => n * 2;' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle).toContain('module.exports');
    expect(result.bundle).toContain('//# sourceMappingURL=data:application/json;base64,');
    expect(result.bundle).not.toMatch(/:\s*number/);
  });

  it('keeps the layer folder out of the bundle: /opt/<path> and layer/<path> stay requires of /opt, and the layer is its own artifact', async () => {
    const result = await compileFiles({ entry: 'index.js', files: { 'index.js': "const a = require('/opt/util');\nimport b from 'layer/util';\nexports.handler = async () => [a.name, b.name];", 'layer/util.js': "module.exports = { name: 'layer' };" } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle).not.toContain('name: "layer"');
    expect(result.bundle.match(/require\("\/opt\/util"\)/g)).toHaveLength(2);
    expect(Object.keys(result.layer ?? {})).toEqual(['util.js']);
    expect(result.layer?.['util.js']).toContain('name: "layer"');
  });

  it('refuses an /opt import that no layer folder holds, naming where it looked', async () => {
    const result = await compileFiles({ entry: 'index.js', files: { 'index.js': "exports.handler = () => require('/opt/nodejs/gone');", 'layer/util.js': '' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.message).toMatch(/Cannot resolve "\/opt\/nodejs\/gone": no file layer\/nodejs\/gone/);
  });

  it('leaves /opt to run time when the function has no layer folder (a layer the platform binds, by ARN)', async () => {
    const result = await compileFiles({ entry: 'index.js', files: { 'index.js': "exports.handler = () => require('/opt/nodejs/remote');" } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle).toContain('require("/opt/nodejs/remote")');
      expect(result.layer).toBeUndefined();
    }
  });

  it('keeps Node built-ins and npm packages external for the runtime to require', async () => {
    const result = await compileFiles({ entry: 'index.js', files: { 'index.js': "const fs = require('node:fs'); const p = require('path'); const x = require('left-pad'); exports.handler = async () => [fs, p, x].length;" } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle).toContain('require("node:fs")');
      expect(result.bundle).toContain('require("left-pad")');
    }
  });

  it('turns syntax and resolution errors into diagnostics with file, line and column', async () => {
    const syntax = await compileFiles({ entry: 'index.ts', files: { 'index.ts': 'export const handler = async () => {\n  return 1 +;\n};' } });
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.diagnostics[0]).toMatchObject({ file: 'index.ts', line: 2, column: 13 });
    const missing = await compileFiles({ entry: 'index.ts', files: { 'index.ts': "import { x } from './nope';\nexport const handler = async () => x;" } });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.diagnostics[0]).toMatchObject({ file: 'index.ts', line: 1 });
  });

  it('compiles a real directory, finding the handler file by its extension and skipping node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compile-dir-'));
    mkdirSync(join(dir, 'node_modules', 'broken'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'broken', 'index.js'), 'this is not javascript (');
    writeFileSync(join(dir, 'handler.ts'), 'export const hello = async () => 1;');
    expect((await compileDirectory(dir, 'handler')).ok).toBe(true);
    const missing = await compileDirectory(dir, 'index');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.diagnostics[0]?.message).toContain('index.ts');
    expect(findEntry({ 'src/h.mjs': '', 'src/h.json': '' }, 'src/h')).toBe('src/h.mjs');
  });
});
