import { parse } from 'yaml';
import type { Dialect } from '../faas/protocol.ts';
import { CLOUDFORMATION_TAGS } from './cloudformation.ts';
import { assign, FieldReader, isRecord, routePath, str, yes } from './field-reader.ts';
import { frameworkLayers } from './framework-layers.ts';
import { ProjectFileError } from './project-model.ts';
import type { DeclaredTriggers, FunctionEvent, HttpEvent, ProjectFile, ProjectFunction, ScheduleEvent } from './project-model.ts';
import { readSamTemplate } from './sam-template.ts';
import { readScfTemplate } from './scf-template.ts';
import { resolveVariables } from './variables.ts';
import type { VariableContext } from './variables.ts';

export { ProjectFileError } from './project-model.ts';
export type { FunctionEvent, HttpEvent, LocalLayer, ProjectFile, ProjectFormat, ProjectFunction, ScheduleEvent } from './project-model.ts';
export { isRecord } from './field-reader.ts';
export type { VariableContext } from './variables.ts';

/**
 * The reader of a project's own deployment file, shared by every face that needs it: the CLI's `invoke`, `load`,
 * `serve` and `package`, and the browser. It takes the file's text, never a path on a disk, so it runs anywhere;
 * the CLI's adapter (cli/function-config.ts) does the file-system work and applies the command-line flags.
 */
/**
 * The names a project file goes by, in the order one wins over another when a folder has several: the Framework's
 * script forms (which the CLI compiles and runs to get the same object), its YAML, then a SAM or SCF template.
 */
export const SCRIPT_FILE_NAMES = ['serverless.ts', 'serverless.js', 'serverless.cjs', 'serverless.mjs'];
export const PROJECT_FILE_NAMES = [...SCRIPT_FILE_NAMES, 'serverless.yml', 'serverless.yaml', 'serverless.json', 'template.yaml', 'template.yml'];

/** With no files, no environment and no flags: variables that need them stay unresolved, and say so. */
const NO_CONTEXT: VariableContext = { params: {}, env: () => undefined, readFile: () => undefined };

/** Parses a project file's text (YAML or JSON); `fileName` says which format a template is and names it in messages. */
export function parseProjectFile(text: string, fileName: string, context: VariableContext = NO_CONTEXT): ProjectFile {
  let doc: unknown;
  try {
    doc = parse(text, { customTags: CLOUDFORMATION_TAGS });
  } catch (error) {
    throw new ProjectFileError(`${fileName} is not valid YAML: ${(error as Error).message}`);
  }
  return parseProjectDocument(doc, fileName, context);
}

/** Reads a project document already in memory: a parsed file, or the object a serverless.ts / serverless.js exports. */
export function parseProjectDocument(doc: unknown, fileName: string, context: VariableContext = NO_CONTEXT): ProjectFile {
  if (!isRecord(doc)) throw new ProjectFileError(`${fileName} must be a mapping (an object) of settings`);
  const reader = new FieldReader(fileName);
  if (/(^|\/)template\.ya?ml$/.test(fileName)) return isSamTemplate(doc) ? readSamTemplate(reader, doc, context.params) : readScfTemplate(reader, doc);
  const { resolved, stage } = resolveVariables(doc, context);
  if (resolved.component !== undefined || isRecord(resolved.inputs)) return readScfComponent(reader, resolved);
  return { ...readFramework(reader, resolved), stage };
}

/** SAM's, by its transform or its function type; otherwise a template is the SCF CLI's. */
function isSamTemplate(doc: Record<string, unknown>): boolean {
  const transform = Array.isArray(doc.Transform) ? doc.Transform : [doc.Transform];
  if (transform.some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless'))) return true;
  const resources = isRecord(doc.Resources) ? Object.values(doc.Resources) : [];
  return resources.some((r) => isRecord(r) && r.Type === 'AWS::Serverless::Function');
}

/** Tencent's Serverless component format: `component: scf` with everything under `inputs`. */
function readScfComponent(read: FieldReader, doc: Record<string, unknown>): ProjectFile {
  if (doc.component !== undefined && doc.component !== 'scf') {
    throw new ProjectFileError(`${read.file}: component "${String(doc.component)}" is not a function; only component: scf can be run`);
  }
  const inputs = isRecord(doc.inputs) ? doc.inputs : {};
  const name = read.string('inputs.name', inputs.name) ?? str(doc.name) ?? 'function';
  const src = isRecord(inputs.src) ? str(inputs.src.src) : str(inputs.src);
  const variables = isRecord(inputs.environment) ? inputs.environment.variables : undefined;
  const fn: ProjectFunction = {
    name,
    env: read.stringMap('inputs.environment.variables', variables),
    dialect: 'scf',
    events: scfTriggers(read, inputs.events ?? inputs.triggers),
    ...declaredTriggers('scf-component', inputs.events ?? inputs.triggers),
  };
  assign(fn, {
    handler: read.string('inputs.handler', inputs.handler),
    memoryMb: read.number('inputs.memorySize', inputs.memorySize),
    timeoutS: read.number('inputs.timeout', inputs.timeout),
    codeDir: src,
    runtime: read.string('inputs.runtime', inputs.runtime),
    region: read.string('inputs.region', inputs.region),
  });
  const service = str(doc.app) ?? str(doc.name);
  return { format: 'scf-component', ...(service ? { service } : {}), functions: [fn], warnings: read.warnings };
}

/** Serverless Framework format: `provider` defaults, `functions.NAME` overrides. */
function readFramework(read: FieldReader, doc: Record<string, unknown>): ProjectFile {
  const provider = isRecord(doc.provider) ? doc.provider : {};
  const functions = isRecord(doc.functions) ? doc.functions : {};
  if (Object.keys(functions).length === 0) throw new ProjectFileError(`${read.file} has no functions: add functions.<name>.handler`);
  const providerName = str(provider.name);
  const dialect: Dialect | undefined = providerName === 'tencent' ? 'scf' : providerName === 'aws' ? 'lambda' : undefined;
  const providerEnv = read.stringMap('provider.environment', provider.environment);
  const list = Object.entries(functions).map(([name, value]) => read.forFunction((): ProjectFunction => {
    if (!isRecord(value)) throw new ProjectFileError(`${read.file}: functions.${name} must be a mapping with a handler`);
    const fn: ProjectFunction = {
      name,
      env: { ...providerEnv, ...read.stringMap(`functions.${name}.environment`, value.environment) },
      events: frameworkEvents(read, name, value.events),
      ...declaredTriggers('framework', value.events),
    };
    assign(fn, {
      deployedName: read.string(`functions.${name}.name`, value.name),
      handler: read.string(`functions.${name}.handler`, value.handler),
      memoryMb: read.number(`functions.${name}.memorySize`, value.memorySize) ?? read.number('provider.memorySize', provider.memorySize),
      timeoutS: read.number(`functions.${name}.timeout`, value.timeout) ?? read.number('provider.timeout', provider.timeout),
      dialect,
      runtime: read.string(`functions.${name}.runtime`, value.runtime) ?? read.string('provider.runtime', provider.runtime),
      region: read.string('provider.region', provider.region),
      layers: value.layers === undefined ? frameworkLayers(read, 'provider.layers', provider.layers, doc.layers) : frameworkLayers(read, `functions.${name}.layers`, value.layers, doc.layers),
    });
    return fn;
  }));
  const service = isRecord(doc.service) ? str(doc.service.name) : str(doc.service);
  return { format: 'framework', ...(service ? { service } : {}), functions: list, warnings: read.warnings };
}

function declaredTriggers(format: DeclaredTriggers['format'], entries: unknown): { triggers?: DeclaredTriggers } {
  return Array.isArray(entries) && entries.length > 0 ? { triggers: { format, entries } } : {};
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
