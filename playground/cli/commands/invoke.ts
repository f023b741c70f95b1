import { readFileSync } from 'node:fs';
import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import type { Dialect } from '../../faas/protocol.ts';
import { numberFlag, parseCommandArgs } from '../args.ts';
import { resolveFunction } from '../function-config.ts';
import type { CliIO } from '../io.ts';
import { logLine, reportLine } from '../log-lines.ts';
import { runOnce } from '../run-once.ts';
import { UsageError } from '../usage-error.ts';

export const INVOKE_HELP = `Usage: hello-serverless invoke <dir-or-file> [options]

Runs a function once on a fresh instance (a cold start), like "sam local invoke" or "scf invoke local".
STDOUT gets exactly one JSON document: the handler's return value, or {"errorType", "errorMessage", "stackTrace"}.
Logs and a REPORT line go to STDERR.

Reads serverless.yml / serverless.yaml next to the code when present, in either format:
  Serverless Framework   provider.{memorySize,timeout,environment}, functions.NAME.handler (+ overrides)
  Tencent SCF component  component: scf, inputs.{handler,src,memorySize,timeout,environment.variables}
Flags win over the file.

Options:
  --function NAME      which function of a serverless.yml with several
  --handler FILE.EXPORT  e.g. index.main_handler, src/handler.hello
  --event FILE | -     JSON event from a file or from STDIN (default: {})
  --env K=V            environment variable (repeatable)
  --timeout SECONDS    default 3
  --memory MB          default 128 (also the V8 heap limit)
  --dialect scf|lambda context and environment flavour (default: from the config, else from the export name)
  -h, --help           show this help

Exit codes: 0 success; 1 the function failed (error, timeout, out of memory, crash);
            2 usage, configuration or compile error.
`;

export async function invoke(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('invoke', args, {
    function: { type: 'string' },
    handler: { type: 'string' },
    event: { type: 'string', short: 'e' },
    env: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    memory: { type: 'string' },
    dialect: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(INVOKE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('invoke needs exactly one <dir-or-file>. See hello-serverless invoke --help');
  const config = resolveFunction(positionals[0] ?? '.', {
    ...(values.function ? { functionName: values.function } : {}),
    ...(values.handler ? { handler: values.handler } : {}),
    ...(values.dialect ? { dialect: parseDialect(values.dialect) } : {}),
    ...optional('memoryMb', numberFlag('memory', values.memory)),
    ...optional('timeoutS', numberFlag('timeout', values.timeout)),
    env: parseEnv(values.env ?? []),
  });
  const event = await readEvent(values.event, io);

  const compiled = await compileDirectory(config.root, config.handlerFile);
  if (!compiled.ok) {
    io.stderr(`Compile failed (${compiled.diagnostics.length} error${compiled.diagnostics.length === 1 ? '' : 's'}):\n`);
    for (const d of compiled.diagnostics) io.stderr(`  ${formatDiagnostic(d)}\n`);
    return 2;
  }

  let started = false;
  const outcome = await runOnce(config, compiled.bundle, event, (requestId, level, message, time) => {
    if (requestId !== null && !started) {
      started = true;
      io.stderr(`START RequestId: ${requestId} Version: $LATEST\n`);
    }
    io.stderr(logLine(time, requestId, level, message, io.color));
  });
  if (!started) io.stderr(`START RequestId: ${outcome.requestId} Version: $LATEST\n`);
  io.stderr(`END RequestId: ${outcome.requestId}\n`);
  const status = outcome.exit === 'timeout' ? 'timeout' : outcome.exit === 'out-of-memory' ? 'error' : outcome.result.ok ? undefined : outcome.exit ? 'error' : undefined;
  io.stderr(reportLine({
    requestId: outcome.requestId,
    durationMs: outcome.durationMs,
    memoryMb: config.memoryMb,
    ...optional('maxMemoryUsedMb', outcome.usage.maxMemoryMb),
    ...optional('initMs', outcome.phases ? outcome.phases.loadMs + outcome.phases.initMs : undefined),
    ...optional('status', status),
  }));

  if (outcome.result.ok) {
    io.stdout(`${JSON.stringify(outcome.result.value, null, 2)}\n`);
    return 0;
  }
  const { errorType, errorMessage, stack } = outcome.result.error;
  io.stdout(`${JSON.stringify({ errorType, errorMessage, ...(stack ? { stackTrace: stack } : {}) }, null, 2)}\n`);
  return 1;
}

function parseDialect(value: string): Dialect {
  if (value === 'scf' || value === 'lambda') return value;
  throw new UsageError(`--dialect must be scf or lambda, got "${value}"`);
}

function parseEnv(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--env needs NAME=value, got "${pair}"`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

async function readEvent(source: string | undefined, io: CliIO): Promise<unknown> {
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

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
