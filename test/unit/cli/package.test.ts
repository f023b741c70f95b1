import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuildWasm from 'esbuild-wasm';
import { strFromU8, unzipSync } from 'fflate';
import { parse, stringify } from 'yaml';
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

/** A new folder holding these files. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'package-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

/** Packages `dir` into `dir/out.zip`, expecting success: what it printed and what the zip holds. */
async function packaged(dir: string): Promise<{ io: ReturnType<typeof fakeIO>; zip: Record<string, string> }> {
  const io = fakeIO();
  expect(await main(['package', dir, '--out', join(dir, 'out.zip')], io)).toBe(0);
  return { io, zip: entries(readFileSync(join(dir, 'out.zip'))) };
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

  it("carries the triggers of the project's own serverless.yml into the zip's, entry for entry, and none into the other platform's", async () => {
    const dir = projectDir();
    const events = [
      { httpApi: { method: 'GET', path: '/greet/{name}' } },
      { schedule: { rate: ['cron(0 2 * * ? *)'], enabled: false } },
      // A trigger this project cannot run locally is still the developer's to deploy.
      { sqs: { arn: 'arn:aws:sqs:us-east-1:123456789012:greetings', batchSize: 5 } },
    ];
    const own = parse(readFileSync(join(dir, 'serverless.yml'), 'utf8')) as { functions: { greet: Record<string, unknown> } };
    own.functions.greet.events = events;
    writeFileSync(join(dir, 'serverless.yml'), stringify(own));
    const { io, zip } = await packaged(dir);
    expect((parse(zip['greet/serverless.yml']!) as { functions: { greet: { events: unknown } } }).functions.greet.events).toEqual(events);
    expect(zip['greet/serverless.tencent.yml']).not.toContain('events');
    expect(io.err).not.toContain('warning');
  }, 30_000);

  it("carries an SCF component's triggers into its inputs.events", async () => {
    const dir = folderWith({ 'index.ts': 'export const main_handler = async () => ({ ok: true });\n' });
    const triggers = [
      { apigw: { parameters: { protocols: ['https'], environment: 'release', endpoints: [{ path: '/orders', method: 'POST' }] } } },
      { timer: { parameters: { cronExpression: '0 0 2 * * * *', enable: true } } },
      { cos: { parameters: { bucket: 'menus-1250000000.cos.ap-guangzhou.myqcloud.com', events: 'cos:ObjectCreated:*' } } },
    ];
    writeFileSync(join(dir, 'serverless.yml'), stringify({ component: 'scf', name: 'orders', inputs: { name: 'orders', handler: 'index.main_handler', runtime: 'Nodejs16.13', region: 'ap-shanghai', events: triggers } }));
    const { io, zip } = await packaged(dir);
    const inputs = (parse(zip['orders/serverless.yml']!) as { inputs: { events: unknown; runtime: string; region: string } }).inputs;
    expect(inputs).toMatchObject({ runtime: 'Nodejs16.13', region: 'ap-shanghai' });
    expect(inputs.events).toEqual(triggers);
    // The other platform's file keeps its own defaults: an SCF region means nothing to Lambda.
    expect((parse(zip['orders/serverless.aws.yml']!) as { provider: { region: string } }).provider.region).toBe('us-east-1');
    expect(zip['orders/serverless.aws.yml']).not.toContain('events');
    expect(io.err).not.toContain('warning');
  }, 30_000);

  it('names the triggers it cannot carry from a file of another format, and still writes the zip', async () => {
    const dir = folderWith({ 'index.ts': 'export const handler = async () => ({ statusCode: 200, body: "ok" });\n' });
    writeFileSync(join(dir, 'template.yaml'), [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Hello:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      Runtime: nodejs22.x',
      '      Events:',
      '        Api:',
      '          Type: HttpApi',
      '          Properties: { Path: /hello, Method: get }',
      '',
    ].join('\n'));
    const { io, zip } = await packaged(dir);
    expect(io.err).toMatch(/warning: \S*template\.yaml declares HTTP GET \/hello; the zip's serverless\.yml \(Serverless Framework format\) leaves it out: add it there before deploying/);
    expect(zip['hello/serverless.yml']).not.toContain('events');
    expect(zip['hello/serverless.tencent.yml']).not.toContain('events');
  }, 30_000);

  it('reports a compile error with file, line and column and exits 2', async () => {
    const dir = projectDir();
    writeFileSync(join(dir, 'lib', 'greet.ts'), 'export function greet(name: string {\n');
    const io = fakeIO();
    expect(await main(['package', dir, '--out', join(dir, 'out.zip')], io)).toBe(2);
    expect(io.err).toMatch(/lib\/greet\.ts:1:\d+: /);
  });
});
