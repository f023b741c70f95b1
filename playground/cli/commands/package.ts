import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { compileFiles, findEntry, formatDiagnostic, readSourceTree } from '../../compiler/node.ts';
import { defaultSettings } from '../../project/project.ts';
import type { Project } from '../../project/project.ts';
import { carriesTriggers, projectZip } from '../../project/project-zip.ts';
import { parseCommandArgs } from '../args.ts';
import { functionFromFlags, printWarnings } from '../function-flags.ts';
import type { FunctionConfig } from '../function-config.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../usage-error.ts';

export const PACKAGE_HELP = `Usage: hello-serverless package [dir] [--out file.zip] [options]

Builds the deployable zip of a function, the same archive as the playground's Download zip: your sources, the
compiled bundle (one CommonJS file with an inline source map) beside the entry, serverless.yml for the function's
platform and the other platform's file next to it (serverless.aws.yml or serverless.tencent.yml), event.json,
package.json and a README. dir defaults to the current directory.

The generated serverless.yml carries the handler, memory, timeout, environment, runtime and region, and the
triggers of the project's own serverless.yml when that is in the same format (the Framework's for Lambda, the
SCF component's for SCF), entry for entry. Triggers it cannot carry (from a template.yaml, or a file in the
other format) are named in a warning: add them before deploying. The other platform's file has no triggers.
npm packages are in the bundle.

Options:
  --out FILE             where to write the zip (default: <name>.zip in the current directory)
  --function NAME        which function of a serverless.yml with several
  --handler FILE.EXPORT  e.g. index.main_handler, when there is no serverless.yml
  --event FILE           the event.json to include (default: event.json in dir, else {})
  -h, --help             show this help

Exit codes: 0 written; 2 usage, configuration or compile error.
`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  function: { type: 'string' },
  handler: { type: 'string' },
  event: { type: 'string', short: 'e' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Files the zip writes itself; a project's own copies are not sources. */
const NOT_SOURCES = new Set(['package.json', 'package-lock.json', 'event.json']);

export async function packageProject(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('package', args, OPTIONS);
  if (values.help) {
    io.stdout(PACKAGE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('package takes one [dir]. See hello-serverless package --help');
  const config = functionFromFlags('package', [positionals[0] ?? '.'], values);
  const project = projectFromDirectory(config, values.event);

  const compiled = await compileFiles({ entry: project.entry, files: project.files });
  if (!compiled.ok) {
    io.stderr(`Compile failed (${compiled.diagnostics.length} error${compiled.diagnostics.length === 1 ? '' : 's'}):\n`);
    for (const d of compiled.diagnostics) io.stderr(`  ${formatDiagnostic(d)}\n`);
    return 2;
  }
  const name = config.declared ? config.functionName : basename(config.root);
  // A file for the other platform (run here with --dialect) says nothing of this one's triggers, runtime or region.
  const declared = config.declared?.dialect === config.dialect ? config.declared : undefined;
  if (!(declared?.triggers && carriesTriggers(config.dialect, declared.triggers))) printWarnings(io, uncarriedTriggers(config));
  const zip = projectZip(project, compiled, name, declared);
  const out = resolve(values.out ?? `${name}.zip`);
  writeFileSync(out, zip);

  io.stderr(`Packaged ${config.functionName} (${config.dialect}, handler ${config.handlerFile}.${config.exportName}) into ${out}, ${zip.byteLength} bytes:\n`);
  for (const [path, bytes] of Object.entries(unzipSync(zip))) io.stderr(`  ${path.padEnd(48)} ${String(bytes.byteLength).padStart(9)} bytes\n`);
  return 0;
}

/** The triggers the project file declares that the zip's serverless.yml leaves out, as one warning (or none). */
function uncarriedTriggers(config: FunctionConfig): string[] {
  const declared = config.declared;
  if (!declared) return [];
  const named = declared.events.map((event) => (event.kind === 'http' ? `HTTP ${event.path === '$default' ? '$default' : `${event.method} ${event.path}`}` : `timer ${event.expression}`));
  const count = Math.max(named.length, declared.triggers?.entries.length ?? 0);
  if (count === 0) return [];
  const what = named.length > 0 ? named.join(', ') : `${count} trigger entr${count === 1 ? 'y' : 'ies'}`;
  const format = config.dialect === 'scf' ? 'SCF component' : 'Serverless Framework';
  return [`${config.source} declares ${what}; the zip's serverless.yml (${format} format) leaves ${count === 1 ? 'it out: add it' : 'them out: add them'} there before deploying`];
}

/** The directory as the playground would hold it: the sources, the settings and the event. */
export function projectFromDirectory(config: FunctionConfig, eventFile: string | undefined): Project {
  const files = Object.fromEntries(Object.entries(readSourceTree(config.root)).filter(([path]) => !NOT_SOURCES.has(path)));
  const entry = findEntry(files, config.handlerFile);
  if (entry === undefined) throw new UsageError(`${config.root} has no handler file ${config.handlerFile}.ts or .js`);
  const eventPath = eventFile ?? join(config.root, 'event.json');
  let event = '{}\n';
  if (existsSync(eventPath)) event = readFileSync(eventPath, 'utf8');
  else if (eventFile !== undefined) throw new UsageError(`cannot read the event file ${eventFile}`);
  return {
    entry,
    files,
    event,
    settings: {
      ...defaultSettings,
      dialect: config.dialect,
      exportName: config.exportName,
      memoryMb: config.memoryMb,
      timeoutS: config.timeoutMs / 1000,
      // A directory says nothing of reserved concurrency: none, rather than the playground's slider default.
      maxConcurrency: 0,
      // The file's own variables only: the run-time env adds the platform's and the developer's credentials.
      env: { ...config.declared?.env },
    },
  };
}
