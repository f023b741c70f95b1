import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import { parseCommandArgs } from '../args.ts';
import { FUNCTION_OPTIONS, FUNCTION_OPTIONS_HELP, functionFromFlags, readEvent } from '../function-flags.ts';
import { INSPECT_OPTIONS_HELP, inspectorOptions, takeInspectFlag } from '../inspect-flags.ts';
import type { CliIO } from '../io.ts';
import { formatReportLine } from '../../faas/report-line.ts';
import { reportBreakdown } from '../report-breakdown.ts';
import { logLine } from '../log-lines.ts';
import { CommandWatch } from '../monitor/command-watch.ts';
import { MONITOR_OPTIONS, monitorFromFlags, monitorOptionsHelp } from '../monitor/monitor-flags.ts';
import { formatModelled } from '../platform-profile.ts';
import { runOnce } from '../run-once.ts';

export const INVOKE_HELP = `Usage: hello-serverless invoke <dir-or-file> [options]

Runs a function once on a fresh instance (a cold start), like "sam local invoke" or "scf invoke local".
STDOUT gets exactly one JSON document: the handler's return value, or {"errorType", "errorMessage", "stackTrace"}.
Logs and a REPORT line go to STDERR, and so do the --monitor samples and the --profile table.

Reads serverless.yml / serverless.yaml next to the code when present, in either format:
  Serverless Framework   provider.{memorySize,timeout,environment}, functions.NAME.handler (+ overrides)
  Tencent SCF component  component: scf, inputs.{handler,src,memorySize,timeout,environment.variables}
Flags win over the file.

Options:
${FUNCTION_OPTIONS_HELP}
${INSPECT_OPTIONS_HELP}
${monitorOptionsHelp('the handler call')}
  -h, --help             show this help

Exit codes: 0 success; 1 the function failed (error, timeout, out of memory, crash);
            2 usage, configuration or compile error.
`;

export async function invoke(args: string[], io: CliIO): Promise<number> {
  const { rest, inspect } = takeInspectFlag(args);
  const { values, positionals } = parseCommandArgs('invoke', rest, { ...FUNCTION_OPTIONS, ...MONITOR_OPTIONS });
  if (values.help) {
    io.stdout(INVOKE_HELP);
    return 0;
  }
  const config = functionFromFlags('invoke', positionals, values, io);
  const watch = watchFromFlags(values);
  const event = await readEvent(values.event, io);

  const compiled = await compileDirectory(config.root, config.handlerFile, config.layers.dirs);
  if (!compiled.ok) {
    io.stderr(`Compile failed (${compiled.diagnostics.length} error${compiled.diagnostics.length === 1 ? '' : 's'}):\n`);
    for (const d of compiled.diagnostics) io.stderr(`  ${formatDiagnostic(d)}\n`);
    return 2;
  }

  let started = false;
  const start = (requestId: string): void => {
    if (started) return;
    started = true;
    io.stderr(`START RequestId: ${requestId} Version: $LATEST\n`);
  };
  const record = await runOnce(config, compiled, event, (requestId, level, message, time) => {
    if (requestId !== null) start(requestId);
    io.stderr(logLine(time, requestId, level, message, io.color));
  }, inspect ? inspectorOptions(inspect, io, config.timeoutMs) : undefined, watch);
  start(record.requestId);
  io.stderr(`END RequestId: ${record.requestId}\n`);
  io.stderr(`${formatReportLine(record)}\n`);
  for (const line of reportBreakdown(record)) io.stderr(`${line}\n`);
  const modelled = record.startKind === 'cold' ? record.phases?.modelled : undefined;
  if (modelled) io.stderr(`${formatModelled(config.platformProfile, modelled)}\n`);
  watch?.reportInvocation(record.requestId, record.instanceId, compiled.bundle, io);

  if (record.status === 'ok') {
    io.stdout(`${JSON.stringify(record.result ?? null, null, 2)}\n`);
    return 0;
  }
  const { errorType, errorMessage, stack } = record.error ?? { errorType: 'Runtime.Unknown', errorMessage: `the request ended with status ${record.status}` };
  io.stdout(`${JSON.stringify({ errorType, errorMessage, ...(stack ? { stackTrace: stack } : {}) }, null, 2)}\n`);
  return 1;
}

/** A watch only when a monitoring flag asks for one, so a plain invoke samples nothing. */
function watchFromFlags(values: { monitor?: boolean | undefined; metrics?: string | undefined; profile?: string | undefined }): CommandWatch | undefined {
  const choice = monitorFromFlags(values);
  return choice.sampling || choice.profileFile !== undefined ? new CommandWatch(choice, false) : undefined;
}
