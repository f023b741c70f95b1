import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveFunction } from '../../../playground/cli/function-config.ts';
import { compileFiles } from '../../../playground/compiler/node.ts';
import { AWS_RUNTIME, projectZip, SCF_RUNTIME } from '../../../playground/project/project-zip.ts';
import type { Project } from '../../../playground/project/project.ts';
import { sampleProject } from '../persistence/fixtures.ts';

const LAYER_ZIP = 'hello-serverless-function-layer.zip';

/** The project folder's files; the layer's own zip, beside the folder, under LAYER_ZIP (its files by path). */
async function unzipped(project: Project): Promise<Record<string, string>> {
  const compiled = await compileFiles({ entry: project.entry, files: project.files });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const entries = unzipSync(projectZip(project, compiled));
  const folder = Object.entries(entries).filter(([path]) => path !== LAYER_ZIP);
  return Object.fromEntries(folder.map(([path, bytes]) => [path.replace(/^hello-serverless-function\//, ''), strFromU8(bytes)]));
}

async function layerOf(project: Project): Promise<Record<string, string>> {
  const compiled = await compileFiles({ entry: project.entry, files: project.files });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const layer = unzipSync(projectZip(project, compiled))[LAYER_ZIP];
  return Object.fromEntries(Object.entries(layer ? unzipSync(layer) : {}).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hs-zip-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the project zip', () => {
  it('holds the sources, the compiled handler, package.json, README, the event and both serverless.yml formats', async () => {
    const files = await unzipped(sampleProject('scf'));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'event.json', 'greet.ts', 'index.js', 'index.ts', 'layer/format.ts', 'package.json', 'serverless.aws.yml', 'serverless.yml'].sort());
    expect(files['index.ts']).toBe(sampleProject().files['index.ts']);
    expect(files['index.js']).toContain('exports');
    expect(JSON.parse(files['package.json'] ?? '{}').scripts.build).toContain('--outfile=index.js');
  });

  it('describes an SCF project as a Tencent scf component and also for the Serverless Framework on AWS', async () => {
    const files = await unzipped(sampleProject('scf'));
    const scf = parse(files['serverless.yml'] ?? '');
    expect(scf).toMatchObject({ component: 'scf', inputs: { handler: 'index.main_handler', runtime: SCF_RUNTIME, memorySize: 256, timeout: 5, environment: { variables: { GREETING: '你好', STAGE: 'dev' } } } });
    const aws = parse(files['serverless.aws.yml'] ?? '');
    expect(aws).toMatchObject({ provider: { name: 'aws', runtime: AWS_RUNTIME, memorySize: 256, timeout: 5, environment: { GREETING: '你好' } } });
    expect(Object.values(aws.functions)).toEqual([expect.objectContaining({ handler: 'index.main_handler' })]);
  });

  it('puts a Lambda project\'s Serverless Framework file first and the SCF component beside it', async () => {
    const files = await unzipped(sampleProject('lambda'));
    expect(parse(files['serverless.yml'] ?? '')).toMatchObject({ provider: { name: 'aws', runtime: AWS_RUNTIME } });
    expect(parse(files['serverless.tencent.yml'] ?? '')).toMatchObject({ component: 'scf', inputs: { handler: 'index.handler' } });
  });

  it('holds a compiled handler that Node loads and calls as the platform would, with the layer zip extracted as /opt', async () => {
    const dir = writeTree(await unzipped(sampleProject('scf')));
    const opt = writeTree(await layerOf(sampleProject('scf')));
    // Node cannot be given a real /opt here: the handler's requires of /opt/... are pointed at the extracted layer.
    const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const original = resolver._resolveFilename;
    resolver._resolveFilename = (request, ...rest) => original(request.startsWith('/opt/') ? join(opt, request.slice('/opt/'.length)) : request, ...rest);
    try {
      const module = createRequire(join(dir, 'package.json'))(join(dir, 'index.js')) as { main_handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }> };
      const response = await module.main_handler({ pathParameters: { name: 'zip' } }, { request_id: 'req-1' });
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ message: 'Hello, ZIP!', invocationsOnThisInstance: 1 });
    } finally {
      resolver._resolveFilename = original;
    }
  });

  it('keeps the layer out of the function: its compiled files are their own zip, which both deployment files bind', async () => {
    const files = await unzipped(sampleProject('scf'));
    const layer = await layerOf(sampleProject('scf'));
    expect(Object.keys(layer)).toEqual(['format.js']);
    const shout = /toUpperCase/;
    expect(layer['format.js']).toMatch(shout);
    expect(files['index.js']).not.toMatch(shout);
    expect(files['index.js']).toContain('require("/opt/format")');
    expect(parse(files['serverless.aws.yml'] ?? '')).toMatchObject({
      layers: { shared: { package: { artifact: `../${LAYER_ZIP}` } } },
      functions: { 'hello-serverless-function': { layers: [{ Ref: 'SharedLambdaLayer' }] } },
      package: { patterns: expect.arrayContaining(['!layer/**']) },
    });
    expect(parse(files['serverless.yml'] ?? '')).toMatchObject({ inputs: { layers: [{ name: 'hello-serverless-function-shared', version: 1 }], src: { exclude: expect.arrayContaining(['layer/**']) } } });
  });

  it('unzips into a folder the hello-serverless CLI reads with the same handler, memory, timeout and variables', async () => {
    const dir = writeTree(await unzipped(sampleProject('scf')));
    const config = resolveFunction(dir, { env: {} });
    expect(config).toMatchObject({ handlerFile: 'index', exportName: 'main_handler', dialect: 'scf', memoryMb: 256, timeoutMs: 5000, env: { GREETING: '你好', STAGE: 'dev' } });
  });
});
