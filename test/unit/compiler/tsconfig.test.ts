import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../../playground/compiler/node.ts';
import { aliasCandidates, readFunctionTsconfig } from '../../../playground/compiler/tsconfig.ts';

describe("the function's tsconfig.json / jsconfig.json", () => {
  it('reads paths and baseUrl through a relative extends, with comments and trailing commas', () => {
    const config = readFunctionTsconfig({
      'tsconfig.json': '{ "extends": "./tsconfig.paths", "compilerOptions": { "strict": true } }',
      'tsconfig.paths.json': '{\n  // aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@libs/*": ["src/libs/*"], "@config": ["src/config.ts"], }, },\n}',
    });
    expect(config?.baseUrl).toBe('');
    expect(aliasCandidates(config!, '@libs/api-gateway')).toEqual(['src/libs/api-gateway', '@libs/api-gateway']);
    expect(aliasCandidates(config!, '@config')[0]).toBe('src/config.ts');
  });

  it('compiles a Serverless Framework TypeScript layout whose handler imports @libs/* (and leaves real packages external)', async () => {
    const result = await compileFiles({
      entry: 'src/functions/hello/handler.ts',
      files: {
        'jsconfig.json': '{ "compilerOptions": { "paths": { "@libs/*": ["./src/libs/*"] } } }',
        'src/functions/hello/handler.ts': "import { ok } from '@libs/api-gateway';\nimport middy from '@middy/core';\nexport const main = middy(async () => ok('hi'));",
        'src/libs/api-gateway.ts': 'export const ok = (body: string) => ({ statusCode: 200, body });',
      },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle).toContain('statusCode: 200');
      expect(result.bundle).toContain('require("@middy/core")');
    }
  });

  it('applies legacy decorators when experimentalDecorators is set', async () => {
    const files = { 'index.ts': 'function tag(target: object, key: string) { (target as Record<string, unknown>).tagged = key; }\nclass A { @tag m() {} }\nexport const handler = async () => (A.prototype as unknown as { tagged: string }).tagged;' };
    const legacy = await compileFiles({ entry: 'index.ts', files: { ...files, 'tsconfig.json': '{ "compilerOptions": { "experimentalDecorators": true } }' } });
    expect(legacy.ok && legacy.bundle).toContain('__decorateClass');
    const standard = await compileFiles({ entry: 'index.ts', files });
    expect(standard.ok && standard.bundle).toContain('__decorateElement');
  });

  it('warns, naming the option, that emitDecoratorMetadata cannot be honoured', async () => {
    const result = await compileFiles({ entry: 'index.ts', files: { 'index.ts': 'export const handler = async () => 1;', 'tsconfig.json': '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }' } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([expect.objectContaining({ file: 'tsconfig.json', message: expect.stringMatching(/emitDecoratorMetadata[^]*NestJS/) })]);
  });
});

describe('per-file paths and top-level await in the bundle', () => {
  it('binds __dirname, __filename and import.meta per source file, leaving a file its own __dirname declaration', async () => {
    const result = await compileFiles({ entry: 'a.mjs', files: { 'a.mjs': "import { b } from './lib/b.mjs';\nimport { dirname } from 'node:path';\nconst __dirname = dirname('/mine/x');\nexport const handler = () => [__dirname, import.meta.url, b];", 'lib/b.mjs': 'export const b = __filename;' } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle).toContain('__hello_serverless_module_paths("lib/b.mjs")');
      expect(result.bundle).toContain('__hello_serverless_module_paths("a.mjs")');
      expect(result.bundle).toMatch(/var __dirname\d* = \(0, import_node_path\.dirname\)\("\/mine\/x"\)/);
    }
  });

  it("keeps a file's hashbang and 'use strict' (with or without its semicolon) in front of the paths it is given", async () => {
    for (const head of ["'use strict'\n", '"use strict";\n', '#!/usr/bin/env node\n']) {
      const result = await compileFiles({ entry: 'index.js', files: { 'index.js': `${head}exports.handler = async () => __dirname;` } });
      expect(result.ok, head).toBe(true);
    }
  });

  it('bundles top-level await as an async module, marked for the runtime, instead of refusing it', async () => {
    const result = await compileFiles({ entry: 'index.mjs', files: { 'index.mjs': "import { readFileSync } from 'fs';\nconst x = await Promise.resolve(readFileSync);\nexport const handler = async () => typeof x;" } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle.startsWith('"use hello-serverless async-module";')).toBe(true);
      expect(result.bundle).not.toMatch(/^import /m);
    }
  });
});
