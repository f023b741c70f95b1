import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { stringify } from 'yaml';
import type { Project } from './project.ts';
import { handlerName } from './project.ts';

/** Runtime names as each platform's deployment files spell them. */
export const AWS_RUNTIME = 'nodejs22.x';
export const SCF_RUNTIME = 'Nodejs18.15';

/**
 * The project as a folder that deploys: the sources as written, the compiled bundle beside the entry (so the
 * handler `index.main_handler` finds `index.js` without a build step), `package.json` with a build script that
 * recompiles after edits, `serverless.yml` in the format of the project's platform and the other platform's
 * format next to it, and a README saying how to deploy and run each.
 */
export function projectZipFiles(project: Project, bundle: string, name = 'hello-serverless-function'): Record<string, string> {
  const service = serviceName(name);
  const entryBase = project.entry.replace(/\.[mc]?[tj]s$/, '');
  const bundlePath = `${entryBase}.js` in project.files ? `${entryBase}.bundle.js` : `${entryBase}.js`;
  const handler = `${bundlePath.replace(/\.js$/, '')}.${project.settings.exportName}`;
  const files: Record<string, string> = { ...project.files };
  files[bundlePath] = bundle;
  files['event.json'] = project.event.endsWith('\n') ? project.event : `${project.event}\n`;
  files['package.json'] = `${JSON.stringify(packageJson(service, project, bundlePath), null, 2)}\n`;
  const aws = frameworkYml(service, project, handler);
  const tencent = scfComponentYml(service, project, handler);
  const ownIsScf = project.settings.dialect === 'scf';
  files['serverless.yml'] = ownIsScf ? tencent : aws;
  files[ownIsScf ? 'serverless.aws.yml' : 'serverless.tencent.yml'] = ownIsScf ? aws : tencent;
  files['README.md'] = readme(service, project, handler, bundlePath);
  return files;
}

/** The zip archive of `projectZipFiles`, inside a folder named after the service. */
export function projectZip(project: Project, bundle: string, name?: string): Uint8Array {
  const files = projectZipFiles(project, bundle, name);
  const folder = serviceName(name ?? 'hello-serverless-function');
  const tree: Zippable = {};
  for (const [path, text] of Object.entries(files)) tree[`${folder}/${path}`] = strToU8(text);
  return zipSync(tree, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

function serviceName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'hello-serverless-function';
}

function packageJson(service: string, project: Project, bundlePath: string) {
  const usesTypeScript = Object.keys(project.files).some((path) => /\.[mc]?ts$/.test(path));
  return {
    name: service,
    version: '1.0.0',
    private: true,
    description: `Exported from the Hello Serverless playground (handler ${handlerName(project)}).`,
    scripts: {
      // The same bundling the playground does: one CommonJS file, Node built-ins external, layer/ imports inlined.
      build: `esbuild ${project.entry} --bundle --platform=node --target=node18 --format=cjs --alias:layer=./layer --sourcemap=inline --outfile=${bundlePath}`,
      ...(project.settings.dialect === 'scf'
        ? { 'deploy:tencent': 'scf deploy', 'deploy:aws': 'serverless deploy --config serverless.aws.yml' }
        : { 'deploy:aws': 'serverless deploy' }),
      invoke: 'hello-serverless invoke . --event event.json',
    },
    devDependencies: { esbuild: '^0.28.2', ...(usesTypeScript ? { '@types/node': '^22.0.0' } : {}) },
  };
}

function frameworkYml(service: string, project: Project, handler: string): string {
  const s = project.settings;
  return stringify({
    service,
    frameworkVersion: '4',
    provider: { name: 'aws', runtime: AWS_RUNTIME, region: 'us-east-1', memorySize: s.memoryMb, timeout: Math.ceil(s.timeoutS), environment: { ...s.env } },
    functions: { [service]: { handler, ...(s.maxConcurrency ? { reservedConcurrency: s.maxConcurrency } : {}), ...(s.provisionedConcurrency > 0 ? { provisionedConcurrency: s.provisionedConcurrency } : {}) } },
    package: { patterns: ['!node_modules/**', '!serverless.tencent.yml', '!serverless.aws.yml', '!README.md'] },
  });
}

function scfComponentYml(service: string, project: Project, handler: string): string {
  const s = project.settings;
  return stringify({
    component: 'scf',
    name: service,
    inputs: {
      name: service,
      src: { src: './', exclude: ['node_modules/**', 'serverless.aws.yml', 'serverless.tencent.yml', 'README.md'] },
      handler,
      runtime: SCF_RUNTIME,
      region: 'ap-guangzhou',
      memorySize: s.memoryMb,
      timeout: Math.ceil(s.timeoutS),
      environment: { variables: { ...s.env } },
    },
  });
}

function readme(service: string, project: Project, handler: string, bundlePath: string): string {
  const own = project.settings.dialect === 'scf' ? 'Tencent Cloud SCF (Serverless Cloud Framework component format)' : 'AWS Lambda (Serverless Framework format)';
  const other = project.settings.dialect === 'scf' ? '`serverless.aws.yml` (Serverless Framework, AWS Lambda)' : '`serverless.tencent.yml` (Tencent Cloud SCF component)';
  return `# ${service}

Exported from the Hello Serverless playground. Written for ${own}; handler \`${handler}\`.

| file | what it is |
|---|---|
| ${Object.keys(project.files).map((path) => `\`${path}\``).join(', ')} | your sources, as in the playground |
| \`${bundlePath}\` | the compiled bundle (CommonJS, one file, inline source map): what the platform runs |
| \`serverless.yml\` | deployment settings for ${own} |
| ${other} | the same function for the other platform |
| \`event.json\` | the test event from the playground |
| \`package.json\` | \`npm run build\` recompiles \`${bundlePath}\` after you edit the sources |

The bundle is ready to deploy as it is. After editing the sources, run \`npm install\` and \`npm run build\`.
Files under \`layer/\` are compiled into the bundle; imports written as \`/opt/...\` expect a real layer on the platform.

## Run it locally

    npx hello-serverless invoke . --event event.json

## Deploy

${project.settings.dialect === 'scf'
    ? '- Tencent Cloud SCF: `npm run deploy:tencent` (runs `scf deploy`: needs the `scf` CLI of Serverless Cloud Framework and Tencent Cloud credentials).\n- AWS Lambda: `npm run deploy:aws` (runs `serverless deploy --config serverless.aws.yml`: needs Serverless Framework v4 and AWS credentials).'
    : '- AWS Lambda: `npm run deploy:aws` (runs `serverless deploy`: needs Serverless Framework v4 and AWS credentials).\n- Tencent Cloud SCF: rename `serverless.tencent.yml` to `serverless.yml` and run `scf deploy` (the `scf` CLI of Serverless Cloud Framework reads `serverless.yml`); the handler reads Lambda-shaped events, so adapt it to SCF\'s first.'}

Memory ${project.settings.memoryMb} MB, timeout ${project.settings.timeoutS} s${Object.keys(project.settings.env).length > 0 ? `, environment ${Object.keys(project.settings.env).join(', ')}` : ''}.
`;
}
