import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFunction } from '../../../playground/cli/function-config.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fn-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('finding the function to run', () => {
  it('reads an SCF component whose code lives in inputs.src', () => {
    const dir = project({
      'serverless.yml': 'component: scf\ninputs:\n  name: api\n  src:\n    src: ./src\n    exclude: [".env"]\n  handler: app.main_handler\n  memorySize: 512\n  timeout: 10\n  environment:\n    variables:\n      DEBUG: true\n',
      'src/app.js': 'exports.main_handler = async () => 1;',
    });
    expect(resolveFunction(dir, { env: {} })).toMatchObject({ root: join(dir, 'src'), handlerFile: 'app', exportName: 'main_handler', functionName: 'api', dialect: 'scf', memoryMb: 512, timeoutMs: 10_000, env: { DEBUG: 'true' } });
  });

  it('takes the dialect from provider.name and applies defaults of 128 MB and 3 s', () => {
    const dir = project({ 'serverless.yaml': 'service: s\nprovider:\n  name: tencent\nfunctions:\n  one:\n    handler: index.handler\n' });
    expect(resolveFunction(dir, { env: {} })).toMatchObject({ dialect: 'scf', memoryMb: 128, timeoutMs: 3000, functionName: 'one' });
  });

  it('guesses the handler of a bare file from its exports, and the dialect from the export name', () => {
    const dir = project({ 'fn.ts': 'export const helper = 1;\nexport async function main_handler() { return helper; }\n' });
    expect(resolveFunction(join(dir, 'fn.ts'), { env: {} })).toMatchObject({ handlerFile: 'fn', exportName: 'main_handler', dialect: 'scf' });
    const only = project({ 'f.js': 'exports.run = async () => 1;' });
    expect(resolveFunction(join(only, 'f.js'), { env: {} })).toMatchObject({ exportName: 'run', dialect: 'lambda' });
  });

  it('explains what to fix in a broken configuration', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'serverless.yml': 'provider: [unclosed' }, /not valid YAML/],
      [{ 'serverless.yml': 'component: website\ninputs: {}\n' }, /only component: scf/],
      [{ 'serverless.yml': 'provider:\n  memorySize: lots\nfunctions:\n  a:\n    handler: index.a\n' }, /provider\.memorySize must be a number/],
      [{ 'serverless.yml': 'service: x\n' }, /no functions/],
      [{ 'serverless.yml': 'functions:\n  a:\n    handler: index\n' }, /must look like file\.export/],
      [{ 'a.js': 'exports.x = 1; exports.y = 2;' }, /cannot tell which export/],
    ];
    for (const [files, message] of cases) {
      const dir = project(files);
      const target = 'a.js' in files ? join(dir, 'a.js') : dir;
      expect(() => resolveFunction(target, { env: {} })).toThrow(message);
    }
  });
});
