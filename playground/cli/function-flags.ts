import { readFileSync } from 'node:fs';
import type { Dialect } from '../faas/protocol.ts';
import { numberFlag } from './args.ts';
import { resolveFunction } from './function-config.ts';
import type { ConfigFlags, FunctionConfig } from './function-config.ts';
import type { CliIO } from './io.ts';
import { platformProfileFromFlags } from './platform-profile.ts';
import { UsageError } from './usage-error.ts';

/** Flags every command that runs a function accepts, for node:util parseArgs. */
export const FUNCTION_OPTIONS = {
  function: { type: 'string' },
  handler: { type: 'string' },
  event: { type: 'string', short: 'e' },
  env: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  memory: { type: 'string' },
  dialect: { type: 'string' },
  stage: { type: 'string' },
  param: { type: 'string', multiple: true },
  config: { type: 'string' },
  'platform-profile': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const FUNCTION_OPTIONS_HELP = `  --function NAME        which function of a serverless.yml with several
  --handler FILE.EXPORT  e.g. index.main_handler, src/handler.hello
  --event FILE | -       JSON event from a file or from STDIN (default: {})
  --env K=V              environment variable (repeatable)
  --timeout SECONDS      default 3
  --memory MB            default 128 (also the V8 heap limit)
  --dialect scf|lambda   context and environment flavour (default: from the config, else from the export name)
  --stage NAME           stage for the file's variables: \${sls:stage}, \${opt:stage} (default: provider.stage, else dev)
  --param KEY=VALUE      \${param:KEY} of serverless.yml, or a Parameter of a SAM template (repeatable)
  --config FILE          this project file (serverless.ts/.js/.yml, template.yaml) instead of the one found
  --platform-profile P   local (default: this machine, everything measured), lambda or scf-2019: cold starts
                         also go through that platform's MODELLED phases (micro-VM start, code download by
                         package size, placement, VPC attach) drawn from published figures; they count in
                         latency, never in Init Duration, and are printed as modelled`;

export interface FunctionFlagValues {
  function?: string | undefined;
  handler?: string | undefined;
  env?: string[] | undefined;
  timeout?: string | undefined;
  memory?: string | undefined;
  dialect?: string | undefined;
  stage?: string | undefined;
  param?: string[] | undefined;
  config?: string | undefined;
  'platform-profile'?: string | undefined;
}

/** Resolves the function a command runs; with `io`, what the project file says that cannot be honoured is printed. */
export function functionFromFlags(command: string, positionals: string[], values: FunctionFlagValues, io?: CliIO): FunctionConfig {
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one <dir-or-file>. See hello-serverless ${command} --help`);
  const config = resolveFunction(positionals[0] ?? '.', configFlags(values));
  if (io) printWarnings(io, config.warnings);
  return config;
}

/** Warnings go to STDERR, each on its own line, so STDOUT keeps only the command's result. */
export function printWarnings(io: CliIO, warnings: readonly string[]): void {
  for (const warning of new Set(warnings)) io.stderr(`warning: ${warning}\n`);
}

/** The settings the function flags give, for commands that resolve a whole project (serve). */
export function configFlags(values: FunctionFlagValues): ConfigFlags {
  const memoryMb = numberFlag('memory', values.memory);
  const timeoutS = numberFlag('timeout', values.timeout);
  return {
    ...(values.function ? { functionName: values.function } : {}),
    ...(values.handler ? { handler: values.handler } : {}),
    ...(values.dialect ? { dialect: parseDialect(values.dialect) } : {}),
    ...(memoryMb === undefined ? {} : { memoryMb }),
    ...(timeoutS === undefined ? {} : { timeoutS }),
    env: parsePairs('env', values.env ?? []),
    ...(values.stage ? { stage: values.stage } : {}),
    ...(values.param ? { params: parsePairs('param', values.param) } : {}),
    ...(values.config ? { configFile: values.config } : {}),
    platformProfile: platformProfileFromFlags(values),
  };
}

function parseDialect(value: string): Dialect {
  if (value === 'scf' || value === 'lambda') return value;
  throw new UsageError(`--dialect must be scf or lambda, got "${value}"`);
}

function parsePairs(flag: string, pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--${flag} needs NAME=value, got "${pair}"`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

export async function readEvent(source: string | undefined, io: CliIO): Promise<unknown> {
  if (source === undefined) return {};
  let text: string;
  if (source === '-') {
    text = await io.stdin();
  } else {
    try {
      text = readFileSync(source, 'utf8');
    } catch {
      throw new UsageError(`cannot read the event file ${source}; list samples with: hello-serverless events list`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`the event ${source === '-' ? 'on STDIN' : source} is not valid JSON: ${(error as Error).message}`);
  }
}
