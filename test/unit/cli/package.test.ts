import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuildWasm from 'esbuild-wasm';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { compileWith } from '../../../playground/compiler/compile-function.ts';
import type { Build } from '../../../playground/compiler/compile-function.ts';
import type { Project } from '../../../playground/project/project.ts';
import { projectZip } from '../../../playground/project/project-zip.ts';
import { fakeIO } from './fake-io.ts';

const INDEX = `import { greet } from './lib/greet.ts';

export const handler = async (event: { name?: string }) => ({ statusCode: 200, body: greet(event.name ?? 'world') });
`;
const GREET = `export function greet(name: string): string {
  return \`\${process.env.GREETING ?? 'hello'}, \${name}\`;
}
`;
const EVENT = '{ "name": "Ada" }\n';

/** A Serverless Framework project on disk, with files the zip must replace (its own package.json) or leave out. */
function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'package-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'index.ts'), INDEX);
  writeFileSync(join(dir, 'lib', 'greet.ts'), GREET);
  writeFileSync(join(dir, 'event.json'), EVENT);
  writeFileSync(join(dir, 'package.json'), '{ "name": "mine", "private": true }\n');
  writeFileSync(join(dir, 'serverless.yml'), [
    'service: greeter',
    'provider:',
    '  name: aws',
    '  runtime: nodejs22.x',
    '  memorySize: 256',
    '  timeout: 6',
    '  environment:',
    '    GREETING: hi',
    'functions:',
    '  greet:',
    '    handler: index.handler',
    '',
  ].join('\n'));
  return dir;
}

/** The same project as the playground holds it, zipped the way its Download zip does: esbuild-wasm, then projectZip. */
async function playgroundZip(name: string): Promise<Uint8Array> {
  const project: Project = {
    entry: 'index.ts',
    files: { 'index.ts': INDEX, 'lib/greet.ts': GREET },
    event: EVENT,
    settings: { dialect: 'lambda', exportName: 'handler', memoryMb: 256, timeoutS: 6, maxConcurrency: 0, keepAliveS: 60, provisionedConcurrency: 0, env: { GREETING: 'hi' } },
  };
  const compiled = await compileWith(esbuildWasm.build as unknown as Build, { entry: project.entry, files: project.files });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  return projectZip(project, compiled, name);
}

function entries(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

describe('hello-serverless package', () => {
  // esbuild-wasm keeps its compiler process for the next build; the test worker should not wait on it.
  afterAll(() => esbuildWasm.stop());

  it('writes the same zip as the playground\'s Download zip for the same project', async () => {
    const dir = projectDir();
    const out = join(dir, 'out.zip');
    const io = fakeIO();
    // Invoke hands a function the developer's credentials; a zip to deploy must not carry them.
    process.env.AWS_SECRET_ACCESS_KEY = 'not-for-the-zip';
    try {
      expect(await main(['package', dir, '--out', out], io)).toBe(0);
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
    const cli = entries(readFileSync(out));
    const playground = entries(await playgroundZip('greet'));
    expect(Object.keys(cli).sort()).toEqual(Object.keys(playground).sort());
    for (const path of Object.keys(playground)) expect(cli[path], path).toBe(playground[path]);

    // And it is a deployable folder: the bundle with its source map beside the entry, both platforms' files.
    expect(Object.keys(cli).sort()).toEqual(['README.md', 'event.json', 'index.js', 'index.ts', 'lib/greet.ts', 'package.json', 'serverless.tencent.yml', 'serverless.yml'].map((p) => `greet/${p}`));
    expect(cli['greet/index.js']).toMatch(/\/\/# sourceMappingURL=data:application\/json;base64,/);
    const aws = parse(cli['greet/serverless.yml']!) as { provider: { memorySize: number; timeout: number; environment: Record<string, string> }; functions: Record<string, { handler: string }> };
    expect(aws.provider).toMatchObject({ memorySize: 256, timeout: 6, environment: { GREETING: 'hi' } });
    expect(aws.functions.greet?.handler).toBe('index.handler');
    expect(parse(cli['greet/serverless.tencent.yml']!)).toMatchObject({ component: 'scf', inputs: { handler: 'index.handler', memorySize: 256 } });
    expect(JSON.parse(cli['greet/package.json']!)).not.toMatchObject({ name: 'mine' });
    expect(Object.values(cli).join('\n')).not.toContain('not-for-the-zip');
    expect(io.err).toContain(out);
  }, 30_000);

  it('reports a compile error with file, line and column and exits 2', async () => {
    const dir = projectDir();
    writeFileSync(join(dir, 'lib', 'greet.ts'), 'export function greet(name: string {\n');
    const io = fakeIO();
    expect(await main(['package', dir, '--out', join(dir, 'out.zip')], io)).toBe(2);
    expect(io.err).toMatch(/lib\/greet\.ts:1:\d+: /);
  });
});
