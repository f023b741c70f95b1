import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ConfigScriptError, evaluateConfigScript, filesIn } from '../compiler/config-script.ts';
import { readFunctionTsconfig } from '../compiler/tsconfig.ts';
import type { Dialect } from '../faas/protocol.ts';
import type { PlatformProfileName } from '../model/platform-profiles.ts';
import { declaredRuntime } from '../project/declared-runtime.ts';
import { parseProjectDocument, parseProjectFile, PROJECT_FILE_NAMES, ProjectFileError, SCRIPT_FILE_NAMES } from '../project/project-file.ts';
import type { ProjectFile, ProjectFunction, VariableContext } from '../project/project-file.ts';
import { functionLayers } from './function-layers.ts';
import type { FunctionLayers } from './function-layers.ts';
import { UsageError } from './usage-error.ts';

/**
 * The CLI's adapter over the project-file reader: it finds and reads the file on disk, picks the function, and
 * lets the command line's flags win over the file.
 */
export interface FunctionConfig {
  /** Directory holding the function's code. */
  root: string;
  /** File part of the handler, relative to root, without extension ("index", "src/handler"). */
  handlerFile: string;
  exportName: string;
  functionName: string;
  dialect: Dialect;
  memoryMb: number;
  timeoutMs: number;
  env: Record<string, string>;
  /** Where the settings came from, for messages. */
  source: string;
  /** The function as the project file declares it (its events, its runtime), when there is a file. */
  declared?: ProjectFunction;
  /** What the project file says that cannot be honoured here; the commands print them. */
  warnings: string[];
  /** The project's layers the function binds: compiled as its `/opt`, searched for packages at run time. */
  layers: FunctionLayers;
  /** Whose cold starts to show: `local` (measured only) or a platform whose modelled phases are added. */
  platformProfile: PlatformProfileName;
}

export interface ConfigFlags {
  functionName?: string;
  handler?: string;
  dialect?: Dialect;
  memoryMb?: number;
  timeoutS?: number;
  env: Record<string, string>;
  /** `--stage`: the Framework's stage for `${sls:stage}`, `${opt:stage}` and `params.<stage>`. */
  stage?: string;
  /** `--param key=value`: `${param:key}`, and a SAM template's Parameters. */
  params?: Record<string, string>;
  /** `--config FILE`: this project file, whatever else the folder holds. */
  configFile?: string;
  /** `--platform-profile`: default `local`. */
  platformProfile?: PlatformProfileName;
}

const DEFAULT_MEMORY_MB = 128;
const DEFAULT_TIMEOUT_S = 3;

export function resolveFunction(target: string, flags: ConfigFlags): FunctionConfig {
  const path = resolve(target);
  if (!existsSync(path)) throw new UsageError(`${target} does not exist: pass a function directory or a handler file`);
  const isFile = statSync(path).isFile();
  const dir = isFile ? dirname(path) : path;
  const project = readProjectFile(dir, flags);
  if (!project && flags.functionName) throw new UsageError(`--function ${flags.functionName} needs a serverless.yml in ${dir}`);
  if (!project) return settle(dir, isFile ? path : undefined, undefined, undefined, flags, []);
  const byHandler = flags.functionName === undefined && flags.handler !== undefined;
  const declared = byHandler ? project.functions.find((fn) => fn.handler === flags.handler) : chooseFunction(project, flags.functionName);
  const warnings = [...project.warnings];
  if (!declared) warnings.push(`--handler ${flags.handler ?? ''} is none of the functions in ${basename(project.path)} (${project.functions.map((fn) => `${fn.name}: ${fn.handler ?? '?'}`).join(', ')}): it runs with the defaults and the flags only`);
  return settle(project.dir, isFile ? path : undefined, declared, project.path, flags, warnings);
}

/** Every function of the project in `dir` (or the one `--function` names), each resolved as `resolveFunction` would. */
export function resolveProject(dir: string, flags: ConfigFlags): { file: LocatedProjectFile | undefined; functions: FunctionConfig[] } {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  const project = readProjectFile(root, flags);
  if (!project) return { file: undefined, functions: [resolveFunction(root, flags)] };
  const wanted = flags.functionName === undefined ? project.functions : [chooseFunction(project, flags.functionName)];
  return { file: project, functions: wanted.map((fn) => settle(project.dir, undefined, fn, project.path, flags, project.warnings)) };
}

/** The file as read, where it is, and the folder its relative paths start from. */
export type LocatedProjectFile = ProjectFile & { path: string; dir: string };

/**
 * Reads and parses the project file in `dir` (`--config` chooses one outright), or returns undefined when there is
 * none. When a folder has several, serverless.ts / .js win over serverless.yml, which wins over template.yaml.
 */
export function readProjectFile(dir: string, flags: Pick<ConfigFlags, 'stage' | 'params' | 'configFile'> = {}): LocatedProjectFile | undefined {
  const path = flags.configFile === undefined ? PROJECT_FILE_NAMES.map((name) => join(dir, name)).find((p) => existsSync(p)) : resolve(flags.configFile);
  if (path === undefined) return undefined;
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`--config ${flags.configFile ?? path} is not a file`);
  const base = dirname(path);
  const context: VariableContext = {
    ...(flags.stage === undefined ? {} : { stage: flags.stage }),
    params: flags.params ?? {},
    env: (name) => process.env[name],
    readFile: (relativePath) => {
      const file = resolve(base, relativePath);
      return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
    },
  };
  try {
    const parsed = SCRIPT_FILE_NAMES.includes(basename(path))
      ? parseProjectDocument(evaluateConfigScript(path), path, context)
      : parseProjectFile(readFileSync(path, 'utf8'), path, context);
    return { ...parsed, path, dir: base };
  } catch (error) {
    if (error instanceof ProjectFileError || error instanceof ConfigScriptError) throw new UsageError(error.message);
    throw error;
  }
}

function chooseFunction(project: LocatedProjectFile, wanted: string | undefined): ProjectFunction {
  const names = project.functions.map((fn) => fn.name);
  if (wanted === undefined) {
    const only = project.functions[0];
    if (project.functions.length > 1 || !only) throw new UsageError(`${project.path} defines ${names.length} functions (${names.join(', ')}): choose one with --function NAME`);
    return only;
  }
  const found = project.functions.find((fn) => fn.name === wanted || fn.deployedName === wanted || (project.format === 'scf-component' && project.service === wanted));
  if (found) return found;
  throw new UsageError(project.format === 'scf-component'
    ? `${project.path} defines the function "${names[0] ?? '?'}", not "${wanted}"`
    : `${project.path} has no function "${wanted}"; it defines ${names.join(', ')}`);
}

function settle(dir: string, file: string | undefined, declared: ProjectFunction | undefined, source: string | undefined, flags: ConfigFlags, fileWarnings: string[]): FunctionConfig {
  const root = declared?.codeDir ? resolve(dir, declared.codeDir) : dir;
  const handler = flags.handler ?? declared?.handler ?? (file ? guessHandler(file) : undefined) ?? guessDirectoryHandler(root);
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) throw new UsageError(`handler "${handler}" must look like file.export, e.g. index.main_handler`);
  const exportName = handler.slice(dot + 1);
  const handlerFile = handler.slice(0, dot);
  const dialect = flags.dialect ?? declared?.dialect ?? (exportName === 'main_handler' ? 'scf' : 'lambda');
  const memoryMb = flags.memoryMb ?? declared?.memoryMb ?? DEFAULT_MEMORY_MB;
  const timeoutS = flags.timeoutS ?? declared?.timeoutS ?? DEFAULT_TIMEOUT_S;
  if (!Number.isInteger(memoryMb) || memoryMb < 16 || memoryMb > 10240) throw new UsageError(`memory must be a whole number of MB from 16 to 10240, got ${memoryMb}`);
  if (!(timeoutS > 0 && timeoutS <= 900)) throw new UsageError(`timeout must be more than 0 and at most 900 seconds, got ${timeoutS}`);
  const ourNodeMajor = Number(process.versions.node.split('.')[0]);
  const runtime = declaredRuntime(dialect, declared?.runtime, ourNodeMajor);
  if (runtime.refusal !== undefined) throw new UsageError(`${source ?? dir}: ${runtime.refusal}`);
  const declaredMajor = Number(/^nodejs(\d+)/i.exec(declared?.runtime ?? '')?.[1] ?? ourNodeMajor);
  const layers = functionLayers(dir, declared?.layers, dialect, declaredMajor, source ?? dir);
  return {
    root,
    handlerFile,
    exportName,
    functionName: declared ? (declared.deployedName ?? declared.name) : source !== undefined ? exportName : basename(root),
    dialect,
    memoryMb,
    timeoutMs: Math.round(timeoutS * 1000),
    env: { ...platformCredentials(dialect, declared?.region), ...runtime.env, ...declared?.env, ...flags.env },
    source: source ?? file ?? dir,
    ...(declared ? { declared } : {}),
    warnings: [...fileWarnings, ...(declared?.warnings ?? []), ...runtime.warnings, ...(readFunctionTsconfig(filesIn(root))?.warnings ?? [])],
    layers,
    platformProfile: flags.platformProfile ?? 'local',
  };
}

/**
 * The region and credential variables the platform sets for a function, taken from the developer's own environment
 * (never invented): an SDK inside the function then talks to the same account the developer's tools do.
 */
const CREDENTIALS: Record<Dialect, string[]> = {
  lambda: ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  scf: ['TENCENTCLOUD_REGION', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN'],
};

function platformCredentials(dialect: Dialect, region: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of CREDENTIALS[dialect]) {
    const value = process.env[name];
    if (value !== undefined && value !== '') env[name] = value;
  }
  if (region !== undefined) {
    if (dialect === 'lambda') Object.assign(env, { AWS_REGION: region, AWS_DEFAULT_REGION: region });
    else env.TENCENTCLOUD_REGION = region;
  }
  return env;
}

const HANDLER_NAMES = ['main_handler', 'handler'];

/** A file without a configured handler: the usual export names, else its only exported function. */
function guessHandler(file: string): string {
  const source = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:exports\.|export\s+(?:async\s+)?(?:const|let|var|function)\s+)([A-Za-z_$][\w$]*)/g)) {
    if (match[1]) found.add(match[1]);
  }
  const name = HANDLER_NAMES.find((n) => found.has(n)) ?? (found.size === 1 ? [...found][0] : undefined);
  if (name === undefined) {
    throw new UsageError(`cannot tell which export of ${basename(file)} is the handler${found.size > 0 ? ` (it exports ${[...found].join(', ')})` : ''}: pass --handler ${basename(file, extname(file))}.NAME`);
  }
  return `${basename(file, extname(file))}.${name}`;
}

function guessDirectoryHandler(dir: string): string {
  const entry = ['index.ts', 'index.js', 'index.mjs', 'index.cjs', 'handler.ts', 'handler.js'].find((name) => existsSync(join(dir, name)));
  if (entry === undefined) throw new UsageError(`${dir} has no serverless.yml and no index or handler file: pass --handler file.export`);
  return guessHandler(join(dir, entry));
}
