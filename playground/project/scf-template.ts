import { assign, isRecord, routePath, templateEvents, templateFunctionSettings, yes } from './field-reader.ts';
import type { FieldReader } from './field-reader.ts';
import { ProjectFileError } from './project-model.ts';
import type { FunctionEvent, ProjectFile, ProjectFunction } from './project-model.ts';

const FUNCTION_TYPE = 'TencentCloud::Serverless::Function';

/**
 * The template.yaml of Tencent's SCF CLI (`scf init`): functions of type `TencentCloud::Serverless::Function`, each
 * under its namespace in `Resources`, with `APIGW` and `Timer` events.
 */
export function readScfTemplate(read: FieldReader, doc: Record<string, unknown>): ProjectFile {
  const resources = isRecord(doc.Resources) ? doc.Resources : {};
  const functions: ProjectFunction[] = [];
  const visit = (entries: Record<string, unknown>, prefix: string): void => {
    for (const [name, resource] of Object.entries(entries)) {
      if (!isRecord(resource)) continue;
      if (resource.Type === 'TencentCloud::Serverless::Namespace') visit(resource, `${prefix}${name}.`);
      else if (resource.Type === FUNCTION_TYPE) functions.push(read.forFunction(() => scfFunction(read, `Resources.${prefix}${name}`, name, resource)));
    }
  };
  visit(resources, '');
  if (functions.length === 0) {
    throw new ProjectFileError(`${read.file} is neither a SAM template (no Transform: AWS::Serverless-2016-10-31, no AWS::Serverless::Function) nor an SCF one (no ${FUNCTION_TYPE})`);
  }
  return { format: 'scf-template', functions, warnings: read.warnings };
}

function scfFunction(read: FieldReader, where: string, name: string, resource: Record<string, unknown>): ProjectFunction {
  const props = isRecord(resource.Properties) ? resource.Properties : {};
  const at = `${where}.Properties`;
  const fn: ProjectFunction = {
    name,
    env: read.stringMap(`${at}.Environment.Variables`, isRecord(props.Environment) ? props.Environment.Variables : undefined),
    dialect: 'scf',
    events: scfEvents(read, at, props.Events),
  };
  assign(fn, { ...templateFunctionSettings(read, at, props), codeDir: read.string(`${at}.CodeUri`, props.CodeUri) });
  return fn;
}

function scfEvents(read: FieldReader, where: string, events: unknown): FunctionEvent[] {
  const out: FunctionEvent[] = [];
  for (const { type, props, at } of templateEvents(where, events)) {
    if (type === 'APIGW') {
      const method = (read.string(`${at}.HttpMethod`, props.HttpMethod) ?? 'ANY').toUpperCase();
      out.push({ kind: 'http', api: 'scf', method, path: routePath(read.string(`${at}.Path`, props.Path) ?? '/'), cors: yes(props.Enable_CORS) });
    } else if (type === 'Timer') {
      const expression = read.string(`${at}.CronExpression`, props.CronExpression);
      if (expression !== undefined) out.push({ kind: 'schedule', expression, enabled: props.Enable === undefined || yes(props.Enable) });
    }
  }
  return out;
}
