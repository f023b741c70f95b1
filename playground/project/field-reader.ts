import { describeIntrinsic, intrinsicName } from './cloudformation.ts';
import { ProjectFileError } from './project-model.ts';
import { Unresolved } from './variables.ts';

/**
 * Reads typed fields of a project file and names the field in every complaint. A value that cannot be known here
 * (an unresolvable variable, a CloudFormation intrinsic) is not an error: the setting stays unset, and a warning
 * names it and says how to give it, so one such value never rejects the whole file.
 */
export class FieldReader {
  readonly file: string;
  readonly warnings: string[] = [];

  constructor(file: string) {
    this.file = file;
  }

  /** Runs `read` and moves the warnings it raised onto what it returns: one function's own, apart from the file's. */
  forFunction<T extends { warnings?: string[] }>(read: () => T): T {
    const mark = this.warnings.length;
    const value = read();
    const own = this.warnings.splice(mark);
    if (own.length > 0) value.warnings = own;
    return value;
  }

  number(key: string, value: unknown): number | undefined {
    if (value === undefined || value === null || this.#unknowable(key, value)) return undefined;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new ProjectFileError(`${this.file}: ${key} must be a number, got ${JSON.stringify(value)}`);
    return n;
  }

  string(key: string, value: unknown): string | undefined {
    if (this.#unknowable(key, value)) return undefined;
    return str(value);
  }

  stringMap(key: string, value: unknown): Record<string, string> {
    if (value === undefined || value === null || this.#unknowable(key, value)) return {};
    if (!isRecord(value)) throw new ProjectFileError(`${this.file}: ${key} must be a mapping of NAME: value`);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || this.#unknowable(`${key}.${k}`, v, k)) continue;
      if (typeof v === 'object' && v !== null) throw new ProjectFileError(`${this.file}: ${key}.${k} must be a plain value`);
      out[k] = String(v);
    }
    return out;
  }

  /** True (with a warning) for a value only the deployed stack has; `variable` names the --env that can stand in. */
  #unknowable(key: string, value: unknown, variable?: string): boolean {
    const remedy = variable === undefined ? 'the default applies' : `left unset; give it with --env ${variable}=...`;
    if (value instanceof Unresolved) {
      this.warnings.push(`${this.file}: ${key}: ${value.reason}; ${remedy}`);
      return true;
    }
    if (intrinsicName(value) !== undefined) {
      this.warnings.push(`${this.file}: ${key} is the CloudFormation function ${describeIntrinsic(value as Record<string, unknown>)}, which has a value only in the deployed stack; ${remedy}`);
      return true;
    }
    return false;
  }
}

/** The settings SAM and SCF CLI templates spell alike, under a function's `Properties` (at `where`). */
export function templateFunctionSettings(read: FieldReader, where: string, props: Record<string, unknown>) {
  return {
    handler: read.string(`${where}.Handler`, props.Handler),
    memoryMb: read.number(`${where}.MemorySize`, props.MemorySize),
    timeoutS: read.number(`${where}.Timeout`, props.Timeout),
    runtime: read.string(`${where}.Runtime`, props.Runtime),
  };
}

/** A template function's `Events`: each event's type and properties, and where those are, for messages. */
export function templateEvents(where: string, events: unknown): { type: unknown; props: Record<string, unknown>; at: string }[] {
  if (!isRecord(events)) return [];
  return Object.entries(events).flatMap(([name, event]) =>
    isRecord(event) ? [{ type: event.Type, props: isRecord(event.Properties) ? event.Properties : {}, at: `${where}.Events.${name}.Properties` }] : []);
}

/** Copies the defined fields only, so that absent settings stay absent under exactOptionalPropertyTypes. */
export function assign<T extends object>(target: T, fields: { [K in keyof T]?: T[K] | undefined }): void {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Tencent's templates write booleans as true or as the string TRUE. */
export function yes(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** A route's path as the gateway matches it: one leading "/", no trailing one; "$default" for a catch-all. */
export function routePath(path: string): string {
  if (path === '*' || path === '$default') return '$default';
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return `/${trimmed}`;
}
