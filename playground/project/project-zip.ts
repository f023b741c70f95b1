import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { stringify } from 'yaml';
import type { CompiledFunction, LayerArtifact } from './compiled-function.ts';
import type { DeclaredTriggers } from './project-model.ts';
import type { Project } from './project.ts';
import { handlerName } from './project.ts';

/** Runtime names as each platform's deployment files spell them. */
export const AWS_RUNTIME = 'nodejs22.x';
export const SCF_RUNTIME = 'Nodejs18.15';

/** The project's layer folder: its files are mounted at /opt, never bundled into the function. */
const LAYER_FOLDER = 'layer/';

/**
 * The project as a folder that deploys: the sources as written, the compiled bundle beside the entry (so the
 * handler `index.main_handler` finds `index.js` without a build step), `package.json` with a build script that
 * recompiles after edits, `serverless.yml` in the format of the project's platform and the other platform's
 * format next to it, and a README saying how to deploy and run each. A project with a `layer/` folder keeps its
 * sources here but leaves them out of the function's package: the layer deploys as its own artifact
 * (`layerZipName`), which both files bind. What a project's own file declares about its deployment goes into the
 * file for the same platform (`ownDeployment`); the other platform's file has the defaults and no triggers.
 */
export function projectZipFiles(project: Project, compiled: CompiledFunction, name = 'hello-serverless-function', declared: DeclaredDeployment = {}): Record<string, string> {
  const bundle = compiled.bundle;
  const service = serviceName(name);
  const layer = compiled.layer ? layerZipName(name) : undefined;
  const entryBase = project.entry.replace(/\.[mc]?[tj]s$/, '');
  const bundlePath = `${entryBase}.js` in project.files ? `${entryBase}.bundle.js` : `${entryBase}.js`;
  const handler = `${bundlePath.replace(/\.js$/, '')}.${project.settings.exportName}`;
  const files: Record<string, string> = { ...project.files };
  files[bundlePath] = bundle;
  files['event.json'] = project.event.endsWith('\n') ? project.event : `${project.event}\n`;
  files['package.json'] = `${JSON.stringify(packageJson(service, project, bundlePath), null, 2)}\n`;
  const ownIsScf = project.settings.dialect === 'scf';
  const own = ownDeployment(project.settings.dialect, declared);
  const aws = frameworkYml(service, project, handler, layer, ownIsScf ? {} : own);
  const tencent = scfComponentYml(service, project, handler, layer, ownIsScf ? own : {});
  files['serverless.yml'] = ownIsScf ? tencent : aws;
  files[ownIsScf ? 'serverless.aws.yml' : 'serverless.tencent.yml'] = ownIsScf ? aws : tencent;
  files['README.md'] = readme(service, project, handler, bundlePath, layer);
  return files;
}

/**
 * The archive: the project's folder, named after the service, and beside it (when the function has a layer) the
 * layer's own zip, which the folder's deployment files name as `../<service>-layer.zip`.
 */
export function projectZip(project: Project, compiled: CompiledFunction, name = 'hello-serverless-function', declared: DeclaredDeployment = {}): Uint8Array {
  const files = projectZipFiles(project, compiled, name, declared);
  const folder = serviceName(name);
  const tree: Zippable = {};
  for (const [path, text] of Object.entries(files)) tree[`${folder}/${path}`] = strToU8(text);
  if (compiled.layer) tree[layerZipName(name)] = layerZip(compiled.layer);
  return zipSync(tree, ZIP_OPTIONS);
}

/** What a project's own file says about where and how its function deploys (the playground's projects say nothing). */
export interface DeclaredDeployment {
  triggers?: DeclaredTriggers;
  /** As the file spells it: "nodejs20.x" (Lambda), "Nodejs16.13" (SCF). */
  runtime?: string;
  region?: string;
}

/** The declared settings the file for `dialect`'s platform can take as they are; the rest stay the defaults. */
interface OwnDeployment {
  events?: unknown[];
  runtime?: string;
  region?: string;
}

function ownDeployment(dialect: Project['settings']['dialect'], declared: DeclaredDeployment): OwnDeployment {
  const runtimeSpelling = dialect === 'scf' ? /^nodejs\d+\.\d+$/i : /^nodejs\d+\.x$/i;
  return {
    ...(declared.triggers && carriesTriggers(dialect, declared.triggers) ? { events: declared.triggers.entries } : {}),
    ...(declared.runtime && runtimeSpelling.test(declared.runtime) ? { runtime: declared.runtime } : {}),
    ...(declared.region ? { region: declared.region } : {}),
  };
}

/**
 * Whether the zip's own serverless.yml can list these trigger entries as written: it is in the Framework's format for
 * Lambda and the SCF component's for SCF, so entries from a file of that format (a Framework file for Tencent's
 * plugin spells SCF's triggers its own way) carry over unchanged.
 */
export function carriesTriggers(dialect: Project['settings']['dialect'], triggers: DeclaredTriggers): boolean {
  return triggers.format === (dialect === 'scf' ? 'scf-component' : 'framework');
}

/** The layer's artifact as Lambda and SCF take it: its compiled files at the zip's root are what /opt holds. */
export function layerZip(layer: LayerArtifact): Uint8Array {
  const tree: Zippable = {};
  for (const [path, text] of Object.entries(layer)) tree[path] = strToU8(text);
  return zipSync(tree, ZIP_OPTIONS);
}

export function layerZipName(name: string): string {
  return `${serviceName(name)}-layer.zip`;
}

const ZIP_OPTIONS = { level: 6, mtime: new Date('2026-01-01T00:00:00Z') } as const;

function serviceName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'hello-serverless-function';
}

function packageJson(service: string, project: Project, bundlePath: string) {
  const usesTypeScript = Object.keys(project.files).some((path) => /\.[mc]?ts$/.test(path));
  return {
    name: service,
    version: '1.0.0',
    private: true,
    description: `Packaged by Hello Serverless (handler ${handlerName(project)}).`,
    scripts: {
      // The same bundling the playground does: one CommonJS file, Node built-ins external, layer imports left to /opt.
      build: `esbuild ${project.entry} --bundle --platform=node --target=node18 --format=cjs --alias:layer=/opt --external:/opt/* --sourcemap=inline --outfile=${bundlePath}`,
      ...(project.settings.dialect === 'scf'
        ? { 'deploy:tencent': 'scf deploy', 'deploy:aws': 'serverless deploy --config serverless.aws.yml' }
        : { 'deploy:aws': 'serverless deploy' }),
      invoke: 'hello-serverless invoke . --event event.json',
    },
    devDependencies: { esbuild: '^0.28.2', ...(usesTypeScript ? { '@types/node': '^22.0.0' } : {}) },
  };
}

/** The Framework's layer from a prebuilt artifact, bound by the logical ID it gets (`shared` → SharedLambdaLayer). */
function frameworkYml(service: string, project: Project, handler: string, layer: string | undefined, { events, runtime = AWS_RUNTIME, region = 'us-east-1' }: OwnDeployment): string {
  const s = project.settings;
  return stringify({
    service,
    frameworkVersion: '4',
    provider: { name: 'aws', runtime, region, memorySize: s.memoryMb, timeout: Math.ceil(s.timeoutS), environment: { ...s.env } },
    ...(layer ? { layers: { shared: { package: { artifact: `../${layer}` }, compatibleRuntimes: [runtime] } } } : {}),
    functions: { [service]: { handler, ...(s.maxConcurrency ? { reservedConcurrency: s.maxConcurrency } : {}), ...(s.provisionedConcurrency > 0 ? { provisionedConcurrency: s.provisionedConcurrency } : {}), ...(layer ? { layers: [{ Ref: 'SharedLambdaLayer' }] } : {}), ...(events ? { events } : {}) } },
    package: { patterns: ['!node_modules/**', '!serverless.tencent.yml', '!serverless.aws.yml', '!README.md', ...(layer ? [`!${LAYER_FOLDER}**`] : [])] },
  });
}

/** SCF binds a layer published beforehand, by name and version (the README says how to publish it). */
function scfComponentYml(service: string, project: Project, handler: string, layer: string | undefined, { events, runtime = SCF_RUNTIME, region = 'ap-guangzhou' }: OwnDeployment): string {
  const s = project.settings;
  return stringify({
    component: 'scf',
    name: service,
    inputs: {
      name: service,
      src: { src: './', exclude: ['node_modules/**', 'serverless.aws.yml', 'serverless.tencent.yml', 'README.md', ...(layer ? [`${LAYER_FOLDER}**`] : [])] },
      handler,
      ...(layer ? { layers: [{ name: `${service}-shared`, version: 1 }] } : {}),
      runtime,
      region,
      memorySize: s.memoryMb,
      timeout: Math.ceil(s.timeoutS),
      environment: { variables: { ...s.env } },
      ...(events ? { events } : {}),
    },
  });
}

function readme(service: string, project: Project, handler: string, bundlePath: string, layer: string | undefined): string {
  const own = project.settings.dialect === 'scf' ? 'Tencent Cloud SCF (Serverless Cloud Framework component format)' : 'AWS Lambda (Serverless Framework format)';
  const other = project.settings.dialect === 'scf' ? '`serverless.aws.yml` (Serverless Framework, AWS Lambda)' : '`serverless.tencent.yml` (Tencent Cloud SCF component)';
  return `# ${service}

Packaged by Hello Serverless. Written for ${own}; handler \`${handler}\`.

| file | what it is |
|---|---|
| ${Object.keys(project.files).map((path) => `\`${path}\``).join(', ')} | your sources |
| \`${bundlePath}\` | the compiled bundle (CommonJS, one file, inline source map): what the platform runs |
| \`serverless.yml\` | deployment settings for ${own} |
| ${other} | the same function for the other platform, without triggers |
| \`event.json\` | the test event |
| \`package.json\` | \`npm run build\` recompiles \`${bundlePath}\` after you edit the sources |

The bundle is ready to deploy as it is. After editing the sources, run \`npm install\` and \`npm run build\`.
${layer
    ? `Files under \`layer/\` are a layer: they are not in the bundle, which imports them from \`/opt/...\`. Their compiled
form is \`../${layer}\`, beside this folder, which deploys as its own layer version. The Serverless Framework file
uploads it and binds it to the function. For SCF, publish it first as the layer \`${service}-shared\` (version 1),
for example in the console's Layers page, which \`serverless.yml\` then binds. Both platforms extract it into \`/opt\`.`
    : 'Imports written as `/opt/...` expect a layer on the platform.'}

## Run it locally

    npx hello-serverless invoke . --event event.json

## Deploy

${project.settings.dialect === 'scf'
    ? '- Tencent Cloud SCF: `npm run deploy:tencent` (runs `scf deploy`: needs the `scf` CLI of Serverless Cloud Framework and Tencent Cloud credentials).\n- AWS Lambda: `npm run deploy:aws` (runs `serverless deploy --config serverless.aws.yml`: needs Serverless Framework v4 and AWS credentials).'
    : '- AWS Lambda: `npm run deploy:aws` (runs `serverless deploy`: needs Serverless Framework v4 and AWS credentials).\n- Tencent Cloud SCF: rename `serverless.tencent.yml` to `serverless.yml` and run `scf deploy` (the `scf` CLI of Serverless Cloud Framework reads `serverless.yml`); the handler reads Lambda-shaped events, so adapt it to SCF\'s first.'}

Memory ${project.settings.memoryMb} MB, timeout ${project.settings.timeoutS} s${Object.keys(project.settings.env).length > 0 ? `, environment ${Object.keys(project.settings.env).join(', ')}` : ''}.
`;
}
