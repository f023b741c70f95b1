import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from '../args.ts';
import type { CliIO } from '../io.ts';
import { findTemplate, listTemplates } from '../templates/catalog.ts';
import { projectFiles } from '../templates/project-files.ts';
import { UsageError } from '../usage-error.ts';

export const INIT_HELP = `Usage: hello-serverless init <template> [dir] [--force]
       hello-serverless init --list

Starts a project from a template, like "scf init" or "sls create": a TypeScript handler (index.ts), serverless.yml
in the platform's format, a sample event.json, package.json with the scripts invoke, serve, test, debug and
package, tsconfig.json, .vscode/launch.json (F5 debugs invoke or serve) and a README. dir defaults to the
template's id. Templates: the platform ones, and every workshop exercise by its id or number (its starter; its
test script runs the exercise's checks).

Options:
  --list        list the templates
  --force       write into a directory that is not empty (files of the same name are replaced)
  -h, --help    show this help
`;

const OPTIONS = {
  list: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The checkout this CLI runs from: new projects depend on it by a file: path. */
const CHECKOUT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');

export async function init(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', args, OPTIONS);
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (values.list) {
    const templates = listTemplates();
    const width = Math.max(...templates.map((template) => template.id.length));
    for (const template of templates) io.stdout(`${template.id.padEnd(width)}  ${template.dialect.padEnd(6)}  ${template.title.en}\n`);
    return 0;
  }
  const [id, target, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('init needs <template> and an optional [dir]. List the templates with: hello-serverless init --list');
  const template = findTemplate(id);
  if (!template) throw new UsageError(`there is no template "${id}". List them with: hello-serverless init --list`);

  const dir = resolve(target ?? template.id);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a directory`);
    if (readdirSync(dir).length > 0 && !values.force) throw new UsageError(`${dir} is not empty: choose another directory, or pass --force to write into it`);
  }
  const name = projectName(basename(dir));
  const files = projectFiles(template, name, CHECKOUT);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  const shown = relative(process.cwd(), dir) || '.';
  io.stderr(`Created ${name} from "${template.id}" (${template.title.en}) in ${shown}:\n`);
  for (const path of Object.keys(files)) io.stderr(`  ${path}\n`);
  io.stderr(`Next:\n  cd ${shown}\n  npm install\n  npm run invoke\n`);
  return 0;
}

/** An npm package name, which is also the service and function name in serverless.yml. */
function projectName(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'hello-serverless-project';
}
