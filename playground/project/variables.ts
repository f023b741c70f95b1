import { parse } from 'yaml';

/**
 * Serverless Framework variables (`${self:custom.table}`, `${sls:stage}`, `${opt:stage, 'dev'}`, `${env:HOME}`,
 * `${param:domain}`, `${file(./config/${sls:stage}.yml):KEY}`), resolved in a parsed project doc. Pure: the
 * outside world comes in through `VariableContext` (the CLI reads files and its own environment). A variable whose
 * source only exists in the cloud (`${ssm:...}`, `${cf:...}`, `${aws:...}`, `${s3:...}`) becomes an `Unresolved`
 * value, which the reader leaves unset and names in a warning, so the developer can give it with `--env`.
 */
export interface VariableContext {
  /** `--stage`, when given. */
  stage?: string;
  /** `--param key=value` pairs. */
  params: Record<string, string>;
  /** The developer's environment, for `${env:NAME}`. */
  env(name: string): string | undefined;
  /** The text of a file named relative to the project file, or undefined when there is none. */
  readFile(path: string): string | undefined;
}

/** A value that cannot be known before deployment, or whose source is missing. */
export class Unresolved {
  readonly expression: string;
  readonly reason: string;

  constructor(expression: string, reason: string) {
    this.expression = expression;
    this.reason = reason;
  }
}

/** Sources that only the cloud can answer. */
const CLOUD_SOURCES = new Set(['ssm', 'cf', 's3', 'aws', 'secretsmanager', 'terraform', 'vault', 'doppler']);

const DEFAULT_STAGE = 'dev';
/** `${` ... `}` with no `${` inside: resolved innermost first, so variables can build other variables' addresses. */
const INNERMOST = /\$\{([^${}]*(?:\{[^${}]*\}[^${}]*)*)\}/;
const MAX_DEPTH = 20;

export interface ResolvedDocument {
  resolved: Record<string, unknown>;
  stage: string;
}

export function resolveVariables(doc: Record<string, unknown>, context: VariableContext): ResolvedDocument {
  const resolver = new Resolver(doc, context);
  return { resolved: resolver.value(doc, 0) as Record<string, unknown>, stage: resolver.stage };
}

class Resolver {
  readonly #doc: Record<string, unknown>;
  readonly #context: VariableContext;
  readonly #files = new Map<string, unknown>();
  readonly stage: string;

  constructor(doc: Record<string, unknown>, context: VariableContext) {
    this.#doc = doc;
    this.#context = context;
    const declared = isRecord(doc.provider) ? doc.provider.stage : undefined;
    const fromFile = context.stage === undefined && declared !== undefined ? this.value(declared, 0) : undefined;
    this.stage = context.stage ?? (typeof fromFile === 'string' && fromFile !== '' ? fromFile : DEFAULT_STAGE);
  }

  value(value: unknown, depth: number): unknown {
    if (depth > MAX_DEPTH) return new Unresolved('…', 'variables refer to each other in a loop');
    if (typeof value === 'string') return this.#string(value, depth);
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth));
    if (isRecord(value)) {
      // CloudFormation's own ${...} placeholders live inside Fn::Sub: they are not Framework variables.
      if ('Fn::Sub' in value) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.value(item, depth)]));
    }
    return value;
  }

  #string(text: string, depth: number): unknown {
    let rest = text;
    for (let match = INNERMOST.exec(rest); match; match = INNERMOST.exec(rest)) {
      const inner = match[1] ?? '';
      if (!/^\s*(?:[a-zA-Z]\w*:|file\(|'|")/.test(inner) || /^\s*AWS::/.test(inner)) {
        // Not a variable (`${Bucket}`, `${AWS::Region}`): CloudFormation's, left as written.
        return text;
      }
      const resolved = this.#expression(inner, depth);
      if (resolved instanceof Unresolved) return new Unresolved(text, resolved.reason);
      if (match[0] === rest) return resolved;
      if (typeof resolved === 'object' && resolved !== null) return new Unresolved(text, `\${${inner}} is a mapping or a list, which cannot be part of a string`);
      rest = rest.slice(0, match.index) + String(resolved) + rest.slice(match.index + match[0].length);
    }
    return rest;
  }

  /** `source:address, fallback, ...`: the first alternative with a value. */
  #expression(inner: string, depth: number): unknown {
    let firstProblem: Unresolved | undefined;
    for (const alternative of splitAlternatives(inner)) {
      const found = this.#alternative(alternative, depth);
      if (found instanceof Unresolved) firstProblem ??= found;
      else if (found !== undefined && found !== null) return found;
    }
    return firstProblem ?? new Unresolved(`\${${inner}}`, `\${${inner}} has no value`);
  }

  #alternative(text: string, depth: number): unknown {
    const literal = /^(['"])(.*)\1$/.exec(text);
    if (literal) return literal[2];
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === 'null') return null;
    const file = /^file\(([^)]+)\)(?::(.*))?$/.exec(text);
    if (file) return this.#file(file[1]?.trim() ?? '', file[2]?.trim(), depth);
    const at = text.indexOf(':');
    const source = at < 0 ? text : text.slice(0, at);
    const address = at < 0 ? '' : text.slice(at + 1).trim();
    switch (source) {
      case 'self':
        // The stage the file deploys to, whatever provider.stage is written as (often `${opt:stage}` alone).
        if (address === 'provider.stage') return this.stage;
        return address === '' ? this.#doc : this.#found(lookup(this.#doc, address), depth, `\${${text}}`, `the file has no ${address}`);
      case 'sls':
        if (address === 'stage') return this.stage;
        return new Unresolved(`\${${text}}`, `\${sls:${address}} is not known before deployment`);
      case 'opt':
        return address === 'stage' && this.#context.stage !== undefined ? this.#context.stage : new Unresolved(`\${${text}}`, `\${${text}} is a command-line option${address === 'stage' ? ' (--stage)' : ''} that was not given`);
      case 'env':
        return this.#context.env(address) ?? new Unresolved(`\${${text}}`, `the environment has no ${address}`);
      case 'param':
        return this.#param(address, depth);
      default:
        if (CLOUD_SOURCES.has(source)) return new Unresolved(`\${${text}}`, `\${${text}} is read from the cloud (${source}) when the Framework deploys`);
        return new Unresolved(`\${${text}}`, `\${${text}} uses the variable source "${source}", which hello-serverless does not know`);
    }
  }

  /** `--param` first, then the file's `params.<stage>`, then `params.default` (Framework v3). */
  #param(name: string, depth: number): unknown {
    const fromFlag = this.#context.params[name];
    if (fromFlag !== undefined) return fromFlag;
    const params = isRecord(this.#doc.params) ? this.#doc.params : {};
    for (const stage of [this.stage, 'default']) {
      const set = params[stage];
      if (isRecord(set) && set[name] !== undefined) return this.value(set[name], depth + 1);
    }
    return new Unresolved(`\${param:${name}}`, `no --param ${name}=... was given and params.${this.stage} / params.default have no ${name}`);
  }

  #file(path: string, address: string | undefined, depth: number): unknown {
    if (!this.#files.has(path)) this.#files.set(path, this.#readFile(path));
    const content = this.#files.get(path);
    if (content instanceof Unresolved) return content;
    const expression = `\${file(${path})${address ? `:${address}` : ''}}`;
    if (address === undefined || address === '') return this.#found(content, depth, expression, `${path} is empty`);
    return this.#found(lookup(content, address), depth, expression, `${path} has no ${address}`);
  }

  /** A looked-up value, resolved in turn; nothing there is a reason, so that a fallback can apply or a warning say why. */
  #found(value: unknown, depth: number, expression: string, missing: string): unknown {
    return value === undefined || value === null ? new Unresolved(expression, missing) : this.value(value, depth + 1);
  }

  #readFile(path: string): unknown {
    if (/\.[cm]?[jt]s$/.test(path)) return new Unresolved(`\${file(${path})}`, `\${file(${path})} is a script, whose exports hello-serverless does not run`);
    const text = this.#context.readFile(path);
    // The Framework reads a missing file as no value, so that a fallback can apply.
    if (text === undefined) return new Unresolved(`\${file(${path})}`, `${path} does not exist next to the project file`);
    try {
      return parse(text) as unknown;
    } catch (error) {
      return new Unresolved(`\${file(${path})}`, `${path} is not valid YAML or JSON: ${(error as Error).message}`);
    }
  }
}

/** Splits `a, 'b, c', d` on the commas outside quotes and parentheses. */
function splitAlternatives(text: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((part) => part !== '');
}

function lookup(root: unknown, address: string): unknown {
  let at = root;
  for (const key of address.split('.')) {
    if (key === '') continue;
    if (!isRecord(at) && !Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
