import { parse } from 'yaml';
import type { Dialect } from '../faas/protocol.ts';

/**
 * The reader of a project's own deployment file, shared by every face that needs it: the CLI's `invoke`, `load`,
 * `serve` and `package`, and the browser. It takes the file's text, never a path on a disk, so it runs anywhere;
 * the CLI's adapter (cli/function-config.ts) does the file-system work and applies the command-line flags.
 */
export type ProjectFormat = 'framework' | 'scf-component';

export interface ProjectFile {
  format: ProjectFormat;
  service?: string;
  functions: ProjectFunction[];
}

/** One function as the file declares it; settings it leaves out are absent so that flags and defaults can fill them. */
export interface ProjectFunction {
  /** The key under `functions` (Framework) or `inputs.name` (SCF component): how `--function` and routes name it. */
  name: string;
  /** The name the platform deploys it under, when the file gives one (Framework `functions.X.name`). */
  deployedName?: string;
  handler?: string;
  memoryMb?: number;
  timeoutS?: number;
  env: Record<string, string>;
  dialect?: Dialect;
  /** The code's folder, relative to the file's folder. */
  codeDir?: string;
  /** The runtime as the file spells it ("nodejs22.x", "Nodejs18.15"). */
  runtime?: string;
  events: FunctionEvent[];
}

export type FunctionEvent = HttpEvent | ScheduleEvent;

/**
 * An HTTP trigger. `api` says which gateway's event and response shapes apply: API Gateway REST (payload 1.0),
 * API Gateway HTTP API (payload 2.0) or Tencent's API gateway.
 */
export interface HttpEvent {
  kind: 'http';
  api: 'rest' | 'http' | 'scf';
  /** Upper case, or "ANY". */
  method: string;
  /** Starts with "/", with `{param}` and `{proxy+}` segments; "$default" for an HTTP API's catch-all route. */
  path: string;
  cors: boolean;
  /** Tencent's API gateway: the endpoint's `function.isIntegratedResponse`, when the file sets it (Tencent's default is off). */
  integratedResponse?: boolean;
}

/** A timer trigger, with its expression as written: `rate(5 minutes)`, AWS `cron(0 2 * * ? *)`, SCF's seven fields. */
export interface ScheduleEvent {
  kind: 'schedule';
  expression: string;
  enabled: boolean;
  /** A constant event the timer sends instead of the platform's own timer event (Framework `input`). */
  input?: unknown;
}

export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
}

export const PROJECT_FILE_NAMES = ['serverless.yml', 'serverless.yaml'];

/** Parses a serverless.yml in either format; `fileName` is only used in messages. */
export function parseProjectFile(text: string, fileName: string): ProjectFile {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ProjectFileError(`${fileName} is not valid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(doc)) throw new ProjectFileError(`${fileName} must be a YAML mapping`);
  const reader = new FieldReader(fileName);
  if (doc.component !== undefined || isRecord(doc.inputs)) return readScfComponent(reader, doc);
  return readFramework(reader, doc);
}

/** Tencent's Serverless component format: `component: scf` with everything under `inputs`. */
function readScfComponent(read: FieldReader, doc: Record<string, unknown>): ProjectFile {
  if (doc.component !== undefined && doc.component !== 'scf') {
    throw new ProjectFileError(`${read.file}: component "${String(doc.component)}" is not a function; only component: scf can be run`);
  }
  const inputs = isRecord(doc.inputs) ? doc.inputs : {};
  const name = str(inputs.name) ?? str(doc.name) ?? 'function';
  const src = isRecord(inputs.src) ? str(inputs.src.src) : str(inputs.src);
  const variables = isRecord(inputs.environment) ? inputs.environment.variables : undefined;
  const fn: ProjectFunction = {
    name,
    env: read.stringMap('inputs.environment.variables', variables),
    dialect: 'scf',
    events: scfTriggers(read, inputs.events ?? inputs.triggers),
  };
  assign(fn, {
    handler: str(inputs.handler),
    memoryMb: read.number('inputs.memorySize', inputs.memorySize),
    timeoutS: read.number('inputs.timeout', inputs.timeout),
    codeDir: src,
    runtime: str(inputs.runtime),
  });
  const service = str(doc.app) ?? str(doc.name);
  return { format: 'scf-component', ...(service ? { service } : {}), functions: [fn] };
}

/** Serverless Framework format: `provider` defaults, `functions.NAME` overrides. */
function readFramework(read: FieldReader, doc: Record<string, unknown>): ProjectFile {
  const provider = isRecord(doc.provider) ? doc.provider : {};
  const functions = isRecord(doc.functions) ? doc.functions : {};
  if (Object.keys(functions).length === 0) throw new ProjectFileError(`${read.file} has no functions: add functions.<name>.handler`);
  const providerName = str(provider.name);
  const dialect: Dialect | undefined = providerName === 'tencent' ? 'scf' : providerName === 'aws' ? 'lambda' : undefined;
  const providerEnv = read.stringMap('provider.environment', provider.environment);
  const list = Object.entries(functions).map(([name, value]): ProjectFunction => {
    if (!isRecord(value)) throw new ProjectFileError(`${read.file}: functions.${name} must be a mapping with a handler`);
    const fn: ProjectFunction = {
      name,
      env: { ...providerEnv, ...read.stringMap(`functions.${name}.environment`, value.environment) },
      events: frameworkEvents(read, name, value.events),
    };
    assign(fn, {
      deployedName: str(value.name),
      handler: str(value.handler),
      memoryMb: read.number(`functions.${name}.memorySize`, value.memorySize) ?? read.number('provider.memorySize', provider.memorySize),
      timeoutS: read.number(`functions.${name}.timeout`, value.timeout) ?? read.number('provider.timeout', provider.timeout),
      dialect,
      runtime: str(value.runtime) ?? str(provider.runtime),
    });
    return fn;
  });
  const service = isRecord(doc.service) ? str(doc.service.name) : str(doc.service);
  return { format: 'framework', ...(service ? { service } : {}), functions: list };
}

function frameworkEvents(read: FieldReader, fn: string, events: unknown): FunctionEvent[] {
  if (events === undefined || events === null) return [];
  if (!Array.isArray(events)) throw new ProjectFileError(`${read.file}: functions.${fn}.events must be a list`);
  const out: FunctionEvent[] = [];
  events.forEach((entry: unknown, i) => {
    if (!isRecord(entry)) return;
    const where = `functions.${fn}.events[${i}]`;
    if ('http' in entry) out.push(httpRoute(read, `${where}.http`, entry.http, 'rest'));
    if ('httpApi' in entry) out.push(httpRoute(read, `${where}.httpApi`, entry.httpApi, 'http'));
    if ('schedule' in entry) out.push(...schedules(read, `${where}.schedule`, entry.schedule));
    // Tencent's Framework plugin spells its triggers like the SCF component does.
    if ('apigw' in entry || 'timer' in entry) out.push(...scfTriggers(read, [entry]));
  });
  return out;
}

/** `http: GET users/{id}`, `http: { path, method, cors }`, `httpApi: '*'`, `httpApi: { method, path }`. */
function httpRoute(read: FieldReader, where: string, value: unknown, api: 'rest' | 'http'): HttpEvent {
  if (api === 'http' && value === '*') return { kind: 'http', api, method: 'ANY', path: '$default', cors: false };
  let method: string | undefined;
  let path: string | undefined;
  let cors = false;
  if (typeof value === 'string') {
    const parts = value.trim().split(/\s+/);
    if (parts.length !== 2) throw new ProjectFileError(`${read.file}: ${where} must be "METHOD path", got "${value}"`);
    [method, path] = parts;
  } else if (isRecord(value)) {
    method = str(value.method);
    path = str(value.path);
    cors = value.cors === true || isRecord(value.cors);
  }
  if (method === undefined || path === undefined) throw new ProjectFileError(`${read.file}: ${where} needs a method and a path`);
  return { kind: 'http', api, method: method === '*' ? 'ANY' : method.toUpperCase(), path: routePath(path), cors };
}

function routePath(path: string): string {
  if (path === '*' || path === '$default') return '$default';
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return `/${trimmed}`;
}

/** `schedule: rate(5 minutes)`, `schedule: { rate: [cron(...), rate(...)], enabled, input }`. */
function schedules(read: FieldReader, where: string, value: unknown): ScheduleEvent[] {
  if (typeof value === 'string') return [{ kind: 'schedule', expression: value, enabled: true }];
  if (!isRecord(value)) throw new ProjectFileError(`${read.file}: ${where} must be an expression or a mapping with rate`);
  const rates = Array.isArray(value.rate) ? value.rate : [value.rate];
  const expressions = rates.filter((r): r is string => typeof r === 'string' && r !== '');
  if (expressions.length === 0) throw new ProjectFileError(`${read.file}: ${where}.rate must be rate(...) or cron(...)`);
  return expressions.map((expression) => ({
    kind: 'schedule' as const,
    expression,
    enabled: value.enabled !== false,
    ...(value.input === undefined ? {} : { input: value.input }),
  }));
}

/**
 * SCF triggers, as the component lists them: `- apigw: { parameters: { endpoints: [{ path, method }] } }` and
 * `- timer: { parameters: { cronExpression, enable } }`; also the flat `- type: timer` form of newer templates.
 */
function scfTriggers(read: FieldReader, triggers: unknown): FunctionEvent[] {
  if (!Array.isArray(triggers)) return [];
  const out: FunctionEvent[] = [];
  for (const trigger of triggers) {
    if (!isRecord(trigger)) continue;
    const [type, body] = typeof trigger.type === 'string' ? [trigger.type, trigger] : (Object.entries(trigger)[0] ?? []);
    if (!isRecord(body)) continue;
    const parameters = isRecord(body.parameters) ? body.parameters : body;
    if (type === 'timer') {
      const expression = str(parameters.cronExpression);
      if (expression) out.push({ kind: 'schedule', expression, enabled: parameters.enable !== false });
    } else if (type === 'apigw') {
      const endpoints = Array.isArray(parameters.endpoints) ? parameters.endpoints : [parameters];
      for (const endpoint of endpoints) {
        if (!isRecord(endpoint)) continue;
        const path = str(endpoint.path) ?? '/';
        const integrated = isRecord(endpoint.function) ? endpoint.function.isIntegratedResponse : undefined;
        out.push({
          kind: 'http',
          api: 'scf',
          method: (str(endpoint.method) ?? 'ANY').toUpperCase(),
          path: routePath(path),
          cors: yes(endpoint.enableCORS),
          ...(integrated === undefined ? {} : { integratedResponse: yes(integrated) }),
        });
      }
    }
  }
  return out;
}

/** Reads typed fields and names the field in every complaint. */
class FieldReader {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  number(key: string, value: unknown): number | undefined {
    if (value === undefined || value === null) return undefined;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new ProjectFileError(`${this.file}: ${key} must be a number, got ${JSON.stringify(value)}`);
    return n;
  }

  stringMap(key: string, value: unknown): Record<string, string> {
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) throw new ProjectFileError(`${this.file}: ${key} must be a mapping of NAME: value`);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'object' && v !== null) throw new ProjectFileError(`${this.file}: ${key}.${k} must be a plain value`);
      out[k] = String(v);
    }
    return out;
  }
}

/** Copies the defined fields only, so that absent settings stay absent under exactOptionalPropertyTypes. */
function assign<T extends object>(target: T, fields: { [K in keyof T]?: T[K] | undefined }): void {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tencent's templates write booleans as true or as the string TRUE. */
function yes(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
