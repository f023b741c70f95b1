import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Dialect } from '../faas/protocol.ts';
import { UsageError } from './usage-error.ts';

/** Everything needed to run one function, from serverless.yml (either format) and the command line. */
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
const CONFIG_FILES = ['serverless.yml', 'serverless.yaml'];

interface Settings {
  handler?: string;
  memoryMb?: number;
  timeoutS?: number;
  env: Record<string, string>;
  dialect?: Dialect;
  name?: string;
  codeDir?: string;
}

export function resolveFunction(target: string, flags: ConfigFlags): FunctionConfig {
  const path = resolve(target);
  if (!existsSync(path)) throw new UsageError(`${target} does not exist: pass a function directory or a handler file`);
  const isFile = statSync(path).isFile();
  const dir = isFile ? dirname(path) : path;
  const configPath = CONFIG_FILES.map((name) => join(dir, name)).find((p) => existsSync(p));
  const settings: Settings = configPath ? readServerlessYml(configPath, flags.functionName) : { env: {} };
  if (!configPath && flags.functionName) throw new UsageError(`--function ${flags.functionName} needs a serverless.yml in ${dir}`);

  const root = settings.codeDir ? resolve(dir, settings.codeDir) : dir;
  const handler = flags.handler ?? settings.handler ?? (isFile ? guessHandler(path) : undefined) ?? guessDirectoryHandler(root);
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) throw new UsageError(`handler "${handler}" must look like file.export, e.g. index.main_handler`);
  const exportName = handler.slice(dot + 1);
  const handlerFile = handler.slice(0, dot);
  const dialect = flags.dialect ?? settings.dialect ?? (exportName === 'main_handler' ? 'scf' : 'lambda');
  const memoryMb = flags.memoryMb ?? settings.memoryMb ?? DEFAULT_MEMORY_MB;
  const timeoutS = flags.timeoutS ?? settings.timeoutS ?? DEFAULT_TIMEOUT_S;
  if (!Number.isInteger(memoryMb) || memoryMb < 16 || memoryMb > 10240) throw new UsageError(`memory must be a whole number of MB from 16 to 10240, got ${memoryMb}`);
  if (!(timeoutS > 0 && timeoutS <= 900)) throw new UsageError(`timeout must be more than 0 and at most 900 seconds, got ${timeoutS}`);
  return {
    root,
    handlerFile,
    exportName,
    functionName: settings.name ?? basename(root),
    dialect,
    memoryMb,
    timeoutMs: Math.round(timeoutS * 1000),
    env: { ...settings.env, ...flags.env },
    source: configPath ?? (isFile ? path : dir),
  };
}

function readServerlessYml(path: string, wanted: string | undefined): Settings {
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(doc)) throw new UsageError(`${path} must be a YAML mapping`);
  if (doc.component !== undefined || isRecord(doc.inputs)) return readScfComponent(path, doc, wanted);
  return readFramework(path, doc, wanted);
}

/** Tencent's Serverless component format: `component: scf` with everything under `inputs`. */
function readScfComponent(path: string, doc: Record<string, unknown>, wanted: string | undefined): Settings {
  if (doc.component !== undefined && doc.component !== 'scf') throw new UsageError(`${path}: component "${String(doc.component)}" is not a function; only component: scf can be invoked`);
  const inputs = isRecord(doc.inputs) ? doc.inputs : {};
  const name = str(inputs.name) ?? str(doc.name);
  if (wanted !== undefined && wanted !== name && wanted !== str(doc.name)) throw new UsageError(`${path} defines the function "${name ?? '?'}", not "${wanted}"`);
  const src = isRecord(inputs.src) ? str(inputs.src.src) : str(inputs.src);
  const variables = isRecord(inputs.environment) ? inputs.environment.variables : undefined;
  return {
    handler: str(inputs.handler),
    memoryMb: num(path, 'inputs.memorySize', inputs.memorySize),
    timeoutS: num(path, 'inputs.timeout', inputs.timeout),
    env: stringMap(path, 'inputs.environment.variables', variables),
    dialect: 'scf',
    name,
    codeDir: src,
  };
}

/** Serverless Framework format: `provider` defaults, `functions.NAME` overrides. */
function readFramework(path: string, doc: Record<string, unknown>, wanted: string | undefined): Settings {
  const provider = isRecord(doc.provider) ? doc.provider : {};
  const functions = isRecord(doc.functions) ? doc.functions : {};
  const names = Object.keys(functions);
  if (names.length === 0) throw new UsageError(`${path} has no functions: add functions.<name>.handler`);
  let name = wanted;
  if (name === undefined) {
    if (names.length > 1) throw new UsageError(`${path} defines ${names.length} functions (${names.join(', ')}): choose one with --function NAME`);
    name = names[0];
  }
  const fn = name === undefined ? undefined : functions[name];
  if (!isRecord(fn)) throw new UsageError(`${path} has no function "${name ?? ''}"; it defines ${names.join(', ')}`);
  const providerName = str(provider.name);
  return {
    handler: str(fn.handler),
    memoryMb: num(path, `functions.${name}.memorySize`, fn.memorySize) ?? num(path, 'provider.memorySize', provider.memorySize),
    timeoutS: num(path, `functions.${name}.timeout`, fn.timeout) ?? num(path, 'provider.timeout', provider.timeout),
    env: { ...stringMap(path, 'provider.environment', provider.environment), ...stringMap(path, `functions.${name}.environment`, fn.environment) },
    dialect: providerName === 'tencent' ? 'scf' : providerName === 'aws' ? 'lambda' : undefined,
    name: str(fn.name) ?? name,
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(path: string, key: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new UsageError(`${path}: ${key} must be a number, got ${JSON.stringify(value)}`);
  return n;
}

function stringMap(path: string, key: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new UsageError(`${path}: ${key} must be a mapping of NAME: value`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'object' && v !== null) throw new UsageError(`${path}: ${key}.${k} must be a plain value`);
    out[k] = String(v);
  }
  return out;
}
