import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import { parseCommandArgs } from '../args.ts';
import { FUNCTION_OPTIONS, FUNCTION_OPTIONS_HELP, functionFromFlags, readEvent } from '../function-flags.ts';
import type { CliIO } from '../io.ts';
import { logLine, reportLine } from '../log-lines.ts';
import { runOnce } from '../run-once.ts';

export const INVOKE_HELP = `Usage: hello-serverless invoke <dir-or-file> [options]

Runs a function once on a fresh instance (a cold start), like "sam local invoke" or "scf invoke local".
STDOUT gets exactly one JSON document: the handler's return value, or {"errorType", "errorMessage", "stackTrace"}.
Logs and a REPORT line go to STDERR.

Reads serverless.yml / serverless.yaml next to the code when present, in either format:
  Serverless Framework   provider.{memorySize,timeout,environment}, functions.NAME.handler (+ overrides)
  Tencent SCF component  component: scf, inputs.{handler,src,memorySize,timeout,environment.variables}
Flags win over the file.

Options:
${FUNCTION_OPTIONS_HELP}
  -h, --help             show this help

Exit codes: 0 success; 1 the function failed (error, timeout, out of memory, crash);
            2 usage, configuration or compile error.
`;

export async function invoke(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('invoke', args, FUNCTION_OPTIONS);
  if (values.help) {
    io.stdout(INVOKE_HELP);
    return 0;
  }
  const config = functionFromFlags('invoke', positionals, values);
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

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
