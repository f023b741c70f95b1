import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { dirname, join } from './virtual-path.ts';

/**
 * What a function's own `tsconfig.json` (or `jsconfig.json`) says that changes how its code compiles: path aliases
 * (`baseUrl`, `paths`, as the Serverless Framework's TypeScript template uses `@libs/*`) and the decorator flavour.
 * Read from the virtual files, following relative `extends`; a base config from an npm package (`@tsconfig/node18`)
 * only sets type-checking options, so it is not looked for.
 */
export interface FunctionTsconfig {
  /** The config file's path among the sources, for messages. */
  file: string;
  /** Directory bare imports are tried in (baseUrl), relative to the function root, "" for the root itself. */
  baseUrl?: string;
  /** Alias patterns with at most one `*`, each mapped to targets relative to the function root. */
  paths: { pattern: string; targets: string[] }[];
  /** The options esbuild itself understands, for its `tsconfigRaw`. */
  compilerOptions: { experimentalDecorators?: boolean; useDefineForClassFields?: boolean };
  /** Settings we read but cannot honour, each said once at compile time. */
  warnings: string[];
}

export const TSCONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

export function readFunctionTsconfig(files: Record<string, string>): FunctionTsconfig | undefined {
  const file = TSCONFIG_NAMES.find((name) => files[name] !== undefined);
  if (file === undefined) return undefined;
  const result: FunctionTsconfig = { file, paths: [], compilerOptions: {}, warnings: [] };
  // The chain from the most basic config to the function's own, so that later ones win.
  const chain: { path: string; options: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  let at: string | undefined = file;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const text = files[at];
    if (text === undefined) break;
    const errors: ParseError[] = [];
    const doc = parse(text, errors, { allowTrailingComma: true }) as unknown;
    const error = errors[0];
    if (error) {
      result.warnings.push(`${at} is not valid JSON (${printParseErrorCode(error.error)} at offset ${error.offset}); its compiler options are ignored`);
      break;
    }
    const record = isRecord(doc) ? doc : {};
    chain.unshift({ path: at, options: isRecord(record.compilerOptions) ? record.compilerOptions : {} });
    at = typeof record.extends === 'string' && record.extends.startsWith('.') ? withJson(join(dirname(at), record.extends)) : undefined;
  }
  for (const { path, options } of chain) apply(result, path, options);
  return result;
}

function apply(config: FunctionTsconfig, path: string, options: Record<string, unknown>): void {
  const dir = dirname(path);
  if (typeof options.baseUrl === 'string') config.baseUrl = join(dir, options.baseUrl);
  if (isRecord(options.paths)) {
    // TypeScript resolves `paths` against baseUrl when there is one, else against the config's own folder.
    const base = config.baseUrl ?? dir;
    config.paths = Object.entries(options.paths).map(([pattern, targets]) => ({
      pattern,
      targets: (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string').map((t) => join(base, t)),
    }));
  }
  for (const key of ['experimentalDecorators', 'useDefineForClassFields'] as const) {
    if (typeof options[key] === 'boolean') config.compilerOptions[key] = options[key];
  }
  if (options.emitDecoratorMetadata === true) {
    config.warnings.push(`${path} sets emitDecoratorMetadata, which esbuild cannot emit: the compiled code has no "design:type"/"design:paramtypes" metadata, so dependency injection by type (NestJS, TypeORM, InversifyJS) will not find its parameters. Run such a function with its own build (tsc), then point hello-serverless at the output`);
  }
}

/** The candidates an aliased specifier stands for, most specific pattern first, as TypeScript matches them. */
export function aliasCandidates(config: FunctionTsconfig, specifier: string): string[] {
  const matches: { prefixLength: number; targets: string[] }[] = [];
  for (const { pattern, targets } of config.paths) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) matches.push({ prefixLength: Infinity, targets });
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      const middle = specifier.slice(prefix.length, specifier.length - suffix.length);
      matches.push({ prefixLength: prefix.length, targets: targets.map((t) => t.replace('*', middle)) });
    }
  }
  matches.sort((a, b) => b.prefixLength - a.prefixLength);
  const out = matches.flatMap((m) => m.targets);
  if (config.baseUrl !== undefined) out.push(join(config.baseUrl, specifier));
  return out;
}

function withJson(path: string): string {
  return path.endsWith('.json') ? path : `${path}.json`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
