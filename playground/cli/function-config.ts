import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Dialect } from '../faas/protocol.ts';
import { parseProjectFile, PROJECT_FILE_NAMES, ProjectFileError } from '../project/project-file.ts';
import type { ProjectFile, ProjectFunction } from '../project/project-file.ts';
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
}

export interface ConfigFlags {
  functionName?: string;
  handler?: string;
  dialect?: Dialect;
  memoryMb?: number;
  timeoutS?: number;
  env: Record<string, string>;
}

const DEFAULT_MEMORY_MB = 128;
const DEFAULT_TIMEOUT_S = 3;

export function resolveFunction(target: string, flags: ConfigFlags): FunctionConfig {
  const path = resolve(target);
  if (!existsSync(path)) throw new UsageError(`${target} does not exist: pass a function directory or a handler file`);
  const isFile = statSync(path).isFile();
  const dir = isFile ? dirname(path) : path;
  const project = readProjectFile(dir);
  if (!project && flags.functionName) throw new UsageError(`--function ${flags.functionName} needs a serverless.yml in ${dir}`);
  const declared = project ? chooseFunction(project, flags.functionName) : undefined;
  return settle(dir, isFile ? path : undefined, declared, project?.path, flags);
}

/** Every function of the project in `dir` (or the one `--function` names), each resolved as `resolveFunction` would. */
export function resolveProject(dir: string, flags: ConfigFlags): { file: LocatedProjectFile | undefined; functions: FunctionConfig[] } {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  const project = readProjectFile(root);
  if (!project) return { file: undefined, functions: [resolveFunction(root, flags)] };
  const wanted = flags.functionName === undefined ? project.functions : [chooseFunction(project, flags.functionName)];
  return { file: project, functions: wanted.map((fn) => settle(root, undefined, fn, project.path, flags)) };
}

export type LocatedProjectFile = ProjectFile & { path: string };

/** Reads and parses the project file in `dir`, or returns undefined when there is none. */
export function readProjectFile(dir: string): LocatedProjectFile | undefined {
  const path = PROJECT_FILE_NAMES.map((name) => join(dir, name)).find((p) => existsSync(p));
  if (path === undefined) return undefined;
  try {
    return { ...parseProjectFile(readFileSync(path, 'utf8'), path), path };
  } catch (error) {
    if (error instanceof ProjectFileError) throw new UsageError(error.message);
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

function settle(dir: string, file: string | undefined, declared: ProjectFunction | undefined, source: string | undefined, flags: ConfigFlags): FunctionConfig {
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
  return {
    root,
    handlerFile,
    exportName,
    functionName: declared ? (declared.deployedName ?? declared.name) : basename(root),
    dialect,
    memoryMb,
    timeoutMs: Math.round(timeoutS * 1000),
    env: { ...declared?.env, ...flags.env },
    source: source ?? file ?? dir,
    ...(declared ? { declared } : {}),
  };
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
