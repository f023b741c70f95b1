import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { listTemplates } from '../../../playground/cli/templates/catalog.ts';
import { parseProjectFile } from '../../../playground/project/project-file.ts';
import { fakeIO } from './fake-io.ts';

const checkout = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
const exercises = fileURLToPath(new URL('../../../content/exercises/', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'init-'));
const templates = listTemplates();

/** Runs an npm script the way a developer does, in the project's folder; resolves with its exit code and output. */
function npm(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd: dir, timeout: 120_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

async function initProject(template: string, dir: string, ...flags: string[]): Promise<{ code: number; err: string }> {
  const io = fakeIO();
  const code = await main(['init', template, dir, ...flags], io);
  return { code, err: io.err };
}

/**
 * `npm install` once, in a Lambda project (its devDependencies are a superset of an SCF project's): every
 * template asks for the same packages, so the other projects link to this node_modules instead of spending
 * ~10-20 s each installing the same tree again. It installs for real: Node 22 from npm's cache or registry,
 * this checkout by its file: path.
 */
let sharedModules = '';
beforeAll(async () => {
  const first = join(workspace, 'installed');
  expect((await initProject('lambda-sqs', first)).code).toBe(0);
  const install = await npm(first, ['install', '--prefer-offline', '--no-audit', '--no-fund']);
  expect(install.code, install.err).toBe(0);
  sharedModules = join(first, 'node_modules');
}, 240_000);

async function project(template: string): Promise<string> {
  const dir = join(workspace, template);
  expect((await initProject(template, dir)).code).toBe(0);
  symlinkSync(sharedModules, join(dir, 'node_modules'));
  return dir;
}

describe('hello-serverless init', () => {
  it('lists the platform templates and every workshop exercise', async () => {
    const io = fakeIO();
    expect(await main(['init', '--list'], io)).toBe(0);
    for (const id of ['scf-event', 'scf-apigw', 'scf-timer', 'scf-cos', 'lambda-http-api', 'lambda-sqs', '01-hello-api-gateway', '10-queue-batch-partial-failure']) {
      expect(io.out).toMatch(new RegExp(`^${id} `, 'm'));
    }
    // One column per field, however long the longest name: the platform starts at the same place on every line.
    const platformColumns = new Set(io.out.trimEnd().split('\n').map((line) => line.search(/ (scf|lambda) /)));
    expect([...platformColumns]).toHaveLength(1);
    expect([...platformColumns][0]).toBeGreaterThan(0);
  });

  it('writes a project whose package.json runs this checkout\'s CLI on Node 22, and a serverless.yml in the platform\'s format', async () => {
    const dir = join(workspace, 'files');
    expect((await initProject('lambda-http-api', dir)).code).toBe(0);
    for (const file of ['index.ts', 'event.json', 'serverless.yml', 'package.json', 'tsconfig.json', '.vscode/launch.json', 'README.md']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toMatchObject({ node: '^22.18.0', 'hello-serverless': `file:${checkout}` });
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['invoke', 'serve', 'test', 'package']));
    const file = parseProjectFile(readFileSync(join(dir, 'serverless.yml'), 'utf8'), 'serverless.yml');
    expect(file.format).toBe('framework');
    expect(file.functions[0]).toMatchObject({ handler: 'index.handler', dialect: 'lambda', events: [{ kind: 'http', api: 'http', method: 'GET', path: '/hello' }] });
    const launch = JSON.parse(readFileSync(join(dir, '.vscode/launch.json'), 'utf8')) as { configurations: { args: string[]; attachSimplePort: number }[] };
    expect(launch.configurations.map((c) => c.args[0])).toEqual(['invoke', 'serve']);
    expect(launch.configurations.every((c) => c.args.includes(`--inspect-wait=${c.attachSimplePort}`))).toBe(true);
  });

  it('refuses a directory that is not empty (exit 2) unless --force', async () => {
    const dir = join(workspace, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const refused = await initProject('scf-event', dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--force');
    expect(existsSync(join(dir, 'index.ts'))).toBe(false);
    expect((await initProject('scf-event', dir, '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'index.ts'))).toBe(true);
  });

  it('names an unknown template and how to list them (exit 2)', async () => {
    const refused = await initProject('scf-nope', join(workspace, 'nope'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('init --list');
  });

  const platform = templates.filter((t) => !t.exercise).map((t) => t.id);
  it.each(platform)('%s: npm run invoke prints the result and npm test passes on exit code 0', async (id) => {
    const dir = await project(id);
    const invoked = await npm(dir, ['run', '--silent', 'invoke']);
    expect(invoked.code, invoked.err).toBe(0);
    expect(invoked.err).toMatch(/^REPORT RequestId: /m);
    expect(JSON.parse(invoked.out)).not.toHaveProperty('errorType');
    expect((await npm(dir, ['test'])).code).toBe(0);
  }, 60_000);

  const workshop = templates.filter((t) => t.exercise).map((t) => t.id);
  it.each(workshop)('%s: with the solution written over the starter, npm run invoke and npm test pass', async (id) => {
    const dir = await project(id);
    copyFileSync(join(exercises, id, 'solution.ts'), join(dir, 'index.ts'));
    const invoked = await npm(dir, ['run', '--silent', 'invoke']);
    expect(invoked.code, invoked.err).toBe(0);
    const tested = await npm(dir, ['test']);
    expect(tested.code, tested.out + tested.err).toBe(0);
  }, 90_000);

  it('an exercise\'s test script fails while the starter does not pass the checks', async () => {
    const dir = join(workspace, 'unsolved');
    expect((await initProject('01', dir)).code).toBe(0);
    symlinkSync(sharedModules, join(dir, 'node_modules'));
    const tested = await npm(dir, ['test']);
    expect(tested.code).not.toBe(0);
    expect(tested.out).toMatch(/fail|✗|×/i);
  }, 60_000);
});
