import { stringify } from 'yaml';
import { AWS_RUNTIME, SCF_RUNTIME } from '../../project/project-zip.ts';
import { DEFAULT_INSPECTOR_PORT } from '../../hosts/node/inspector.ts';
import type { ProjectTemplate } from './catalog.ts';

/**
 * Every file of a new project, by path. The CLI is not on a registry and its bin runs TypeScript, which needs
 * Node 22.18 or later, so the project depends on `node` (npm scripts put its binary first on PATH) and on this
 * checkout by a `file:` path: `npm install` then needs nothing else.
 */
export function projectFiles(template: ProjectTemplate, name: string, checkout: string): Record<string, string> {
  return {
    'index.ts': template.source,
    'event.json': template.event.endsWith('\n') ? template.event : `${template.event}\n`,
    'serverless.yml': serverlessYml(template, name),
    'package.json': json(packageJson(template, name, checkout)),
    'tsconfig.json': json(TSCONFIG),
    '.vscode/launch.json': json(launchJson()),
    '.gitignore': 'node_modules/\n*.zip\n',
    'README.md': readme(template, name),
    ...Object.fromEntries(Object.entries(template.layer ?? {}).map(([path, text]) => [`layer/${path}`, text])),
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const INVOKE = 'hello-serverless invoke . --event event.json';

function packageJson(template: ProjectTemplate, name: string, checkout: string) {
  return {
    name,
    version: '0.1.0',
    private: true,
    description: template.title.en,
    scripts: {
      invoke: INVOKE,
      serve: 'hello-serverless serve . --watch',
      // Exit codes carry the verdict: 0 passes; 1 (the function failed, or a check did) and 2 (config) fail.
      test: template.exercise ? `hello-serverless check ${template.exercise} index.ts` : INVOKE,
      debug: `${INVOKE} --inspect-brk`,
      package: `hello-serverless package . --out ${name}.zip`,
    },
    devDependencies: {
      ...(template.dialect === 'lambda' ? { '@types/aws-lambda': '^8.10.164' } : {}),
      '@types/node': '^22.18.0',
      'hello-serverless': `file:${checkout}`,
      node: '^22.18.0',
    },
    // npm runs the `node` package's install script only when allowed; it fetches the binary for this machine.
    allowScripts: { node: true },
  };
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    types: ['node'],
  },
  include: ['**/*.ts'],
  exclude: ['node_modules'],
};

/**
 * F5 in VS Code: the CLI starts with the instance's inspector waiting on a port and VS Code attaches to it there
 * (js-debug's attachSimplePort), so breakpoints in index.ts bind before the handler's module loads. The CLI runs
 * on the project's own Node 22 from node_modules, whatever Node is on PATH.
 */
function launchJson() {
  const common = {
    type: 'node',
    request: 'launch',
    runtimeExecutable: '${workspaceFolder}/node_modules/.bin/node',
    program: '${workspaceFolder}/node_modules/hello-serverless/playground/cli/bin.js',
    cwd: '${workspaceFolder}',
    attachSimplePort: DEFAULT_INSPECTOR_PORT,
    console: 'integratedTerminal',
    // The bundle is evaluated from memory: let js-debug read its inline source map wherever the script is.
    resolveSourceMapLocations: null,
    skipFiles: ['<node_internals>/**'],
  };
  return {
    version: '0.2.0',
    configurations: [
      { name: 'Invoke with event.json', ...common, args: ['invoke', '.', '--event', 'event.json', `--inspect-wait=${DEFAULT_INSPECTOR_PORT}`] },
      // An instance starts with the first request, so VS Code keeps trying to attach until one does.
      { name: 'Serve (debug the instance of the first request)', ...common, args: ['serve', '.', `--inspect-wait=${DEFAULT_INSPECTOR_PORT}`], timeout: 600_000 },
    ],
  };
}

function serverlessYml(template: ProjectTemplate, name: string): string {
  const handler = template.handler;
  if (template.dialect === 'scf') {
    return stringify({
      component: 'scf',
      name,
      inputs: {
        name,
        src: { src: './', exclude: ['node_modules/**', '.vscode/**', '*.zip'] },
        handler,
        runtime: SCF_RUNTIME,
        region: 'ap-guangzhou',
        memorySize: template.memoryMb,
        timeout: template.timeoutS,
        ...(template.triggers.length > 0 ? { events: template.triggers } : {}),
      },
    });
  }
  return stringify({
    service: name,
    frameworkVersion: '4',
    provider: { name: 'aws', runtime: AWS_RUNTIME, region: 'us-east-1', memorySize: template.memoryMb, timeout: template.timeoutS },
    functions: { [name]: { handler, ...(template.triggers.length > 0 ? { events: template.triggers } : {}) } },
  });
}

function readme(template: ProjectTemplate, name: string): string {
  const platform = template.dialect === 'scf' ? 'Tencent Cloud SCF (Serverless Cloud Framework component format)' : 'AWS Lambda (Serverless Framework v4 format)';
  const test = template.exercise
    ? `\`npm test\` runs workshop exercise ${template.exercise}'s checks against index.ts: it fails until your answer passes them all.`
    : '`npm test` invokes the function with event.json and passes when the function succeeds.';
  return `# ${name}

${template.title.en} (${template.title['zh-cn']}). Written for ${platform}; handler \`${template.handler}\`,
${template.memoryMb} MB, ${template.timeoutS} s timeout. Started with \`hello-serverless init ${template.id}\`.

    npm install          # once: Node 22 and the hello-serverless CLI, from a file: path
    npm run invoke       # run index.ts on event.json: result JSON on STDOUT, logs and REPORT on STDERR
    npm test             # exit code 0 passes, 1 the function failed, 2 a usage, config or compile error
    npm run serve        # a local API gateway from serverless.yml, reloading on save
    npm run debug        # like invoke, paused for a debugger (chrome://inspect, port ${DEFAULT_INSPECTOR_PORT})
    npm run package      # ${name}.zip: the compiled bundle, serverless.yml for SCF and for AWS

${test}

In VS Code, F5 runs "Invoke with event.json" or "Serve" under the debugger (.vscode/launch.json): breakpoints in
index.ts bind through the bundle's source map, and the function's timeout is off while debugging.

To deploy, unzip \`${name}.zip\` (from \`npm run package\`) and follow its README.
`;
}
