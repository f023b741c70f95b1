import { describeIntrinsic, intrinsicName } from './cloudformation.ts';
import { assign, isRecord, routePath, templateEvents, templateFunctionSettings } from './field-reader.ts';
import type { FieldReader } from './field-reader.ts';
import type { FunctionEvent, LocalLayer, ProjectFile, ProjectFunction } from './project-model.ts';

/**
 * An AWS SAM template.yaml: each `AWS::Serverless::Function` resource, over the `Globals.Function` defaults, with
 * its `Api`, `HttpApi` and `Schedule` events in the same shapes a serverless.yml gives, so `serve` routes SAM
 * projects too. `Ref`s to the template's Parameters take `--param NAME=value`, else the parameter's Default.
 */
export function readSamTemplate(read: FieldReader, template: Record<string, unknown>, params: Record<string, string>): ProjectFile {
  const doc = withParameters(template, params);
  const resources = isRecord(doc.Resources) ? doc.Resources : {};
  const globals = isRecord(doc.Globals) && isRecord(doc.Globals.Function) ? doc.Globals.Function : {};
  const functions: ProjectFunction[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || resource.Type !== 'AWS::Serverless::Function') continue;
    const own = isRecord(resource.Properties) ? resource.Properties : {};
    if ((own.PackageType ?? globals.PackageType) === 'Image') {
      read.warnings.push(`${read.file}: ${id} is a container image function (PackageType: Image), which hello-serverless cannot run; it is left out`);
      continue;
    }
    functions.push(read.forFunction(() => samFunction(read, id, own, globals, resources)));
  }
  if (functions.length === 0) read.warnings.push(`${read.file} declares no AWS::Serverless::Function that can run here`);
  return { format: 'sam', functions, warnings: read.warnings };
}

function samFunction(read: FieldReader, id: string, own: Record<string, unknown>, globals: Record<string, unknown>, resources: Record<string, unknown>): ProjectFunction {
  const props = { ...globals, ...own };
  const where = `Resources.${id}.Properties`;
  const variables = (p: Record<string, unknown>) => (isRecord(p.Environment) ? p.Environment.Variables : undefined);
  const fn: ProjectFunction = {
    name: id,
    env: { ...read.stringMap('Globals.Function.Environment.Variables', variables(globals)), ...read.stringMap(`${where}.Environment.Variables`, variables(own)) },
    dialect: 'lambda',
    events: samEvents(read, where, own.Events),
  };
  assign(fn, {
    ...templateFunctionSettings(read, where, props),
    deployedName: read.string(`${where}.FunctionName`, props.FunctionName),
    codeDir: codeUri(read, where, props.CodeUri),
    layers: layers(read, where, resources, [...list(globals.Layers), ...list(own.Layers)]),
  });
  return fn;
}

/** Replaces `Ref`s to the template's own Parameters with their values; other intrinsics stay for the reader to name. */
function withParameters(template: Record<string, unknown>, params: Record<string, string>): Record<string, unknown> {
  const declared = isRecord(template.Parameters) ? template.Parameters : {};
  const valueOf = (name: string): unknown => params[name] ?? (isRecord(declared[name]) ? declared[name].Default : undefined);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isRecord(value)) return value;
    if (typeof value.Ref === 'string' && Object.keys(value).length === 1 && value.Ref in declared) return valueOf(value.Ref) ?? value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  return walk(template) as Record<string, unknown>;
}

function codeUri(read: FieldReader, where: string, value: unknown): string | undefined {
  if (isRecord(value) && intrinsicName(value) === undefined) {
    read.warnings.push(`${read.file}: ${where}.CodeUri points at an S3 object; the code is taken from the template's folder`);
    return undefined;
  }
  return read.string(`${where}.CodeUri`, value);
}

/** Local layer folders: `Ref`s to `AWS::Serverless::LayerVersion` resources with a local ContentUri. */
function layers(read: FieldReader, where: string, resources: Record<string, unknown>, entries: unknown[]): LocalLayer[] | undefined {
  const out: LocalLayer[] = [];
  for (const entry of entries) {
    const ref = isRecord(entry) && typeof entry.Ref === 'string' ? entry.Ref : undefined;
    const layer = ref === undefined ? undefined : resources[ref];
    const content = isRecord(layer) && layer.Type === 'AWS::Serverless::LayerVersion' && isRecord(layer.Properties) ? layer.Properties.ContentUri : undefined;
    if (ref !== undefined && typeof content === 'string') {
      out.push({ name: ref, path: content });
      continue;
    }
    const shown = typeof entry === 'string' ? entry : isRecord(entry) && intrinsicName(entry) ? describeIntrinsic(entry) : JSON.stringify(entry);
    read.warnings.push(`${read.file}: ${where}.Layers: ${shown} is not a layer of this template with a local ContentUri; its code is not available here`);
  }
  return out.length > 0 ? out : undefined;
}

function samEvents(read: FieldReader, where: string, events: unknown): FunctionEvent[] {
  const out: FunctionEvent[] = [];
  for (const { type, props, at } of templateEvents(where, events)) {
    const method = (m: unknown) => {
      const text = read.string(`${at}.Method`, m);
      return text === undefined || text.toLowerCase() === 'any' ? 'ANY' : text.toUpperCase();
    };
    if (type === 'Api') {
      out.push({ kind: 'http', api: 'rest', method: method(props.Method), path: routePath(read.string(`${at}.Path`, props.Path) ?? '/'), cors: false });
    } else if (type === 'HttpApi') {
      const path = read.string(`${at}.Path`, props.Path);
      out.push(path === undefined ? { kind: 'http', api: 'http', method: 'ANY', path: '$default', cors: false } : { kind: 'http', api: 'http', method: method(props.Method), path: routePath(path), cors: false });
    } else if (type === 'Schedule' || type === 'ScheduleV2') {
      const expression = read.string(`${at}.Schedule`, type === 'Schedule' ? props.Schedule : props.ScheduleExpression);
      if (expression === undefined) continue;
      const enabled = type === 'Schedule' ? props.Enabled !== false : props.State !== 'DISABLED';
      const input = typeof props.Input === 'string' ? parseInput(props.Input) : undefined;
      out.push({ kind: 'schedule', expression, enabled, ...(input === undefined ? {} : { input }) });
    }
  }
  return out;
}

function parseInput(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
