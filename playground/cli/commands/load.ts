import { randomUUID } from 'node:crypto';
import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import { Platform } from '../../faas/platform.ts';
import { RealClock } from '../../faas/real-clock.ts';
import { NodeInstanceHost } from '../../hosts/node/node-instance-host.ts';
import { numberFlag, parseCommandArgs, positiveInteger } from '../args.ts';
import { FUNCTION_OPTIONS, FUNCTION_OPTIONS_HELP, functionFromFlags, readEvent } from '../function-flags.ts';
import type { CliIO } from '../io.ts';
import { deploymentOf } from '../deployment-of.ts';
import { watchedHost } from '../run-once.ts';
import { driveLoad } from '../load-driver.ts';
import { formatSummary, summarise } from '../load-summary.ts';
import { CommandWatch } from '../monitor/command-watch.ts';
import { MONITOR_OPTIONS, monitorFromFlags, monitorOptionsHelp } from '../monitor/monitor-flags.ts';
import type { LoadSample } from '../load-summary.ts';
import { profiledHost } from '../platform-profile.ts';
import type { InvocationRecord } from '../../faas/invocation-record.ts';
import { initDurationMs } from '../../faas/phases.ts';
import { modelledTotalMs } from '../../model/platform-profiles.ts';
import type { ServiceSample } from '../../model/service-samples.ts';
import { UsageError } from '../usage-error.ts';
import { ClosableClock } from '../closable-clock.ts';

export const LOAD_HELP = `Usage: hello-serverless load <dir-or-file> --requests N --concurrency C [options]

Drives the live platform (real worker instances, real time) with N requests from C concurrent clients and
reports what a provider's dashboard would: requests ok / failed / throttled (they add up to N), cold starts,
instances started, p50/p95/p99 latency (arrival to answer, cold starts included) and billed GB-seconds.
--monitor, --metrics and --profile report on STDERR; STDOUT keeps only the summary.

Options:
  --requests N           how many requests to send (required)
  --concurrency C        clients sending at once (required)
  --rate R               start R requests per second instead of as fast as the clients can
  --max-instances M      reserved concurrency: requests beyond M busy or starting instances are throttled
  --keep-alive S         idle seconds before an instance is reclaimed (default: the platform's)
  --json                 print the summary as JSON on STDOUT, with "samples": one { cold, initMs, durationMs,
                         latencyMs, outcome } per request (+ modelledMs with a profile), which
                         simulate --service-from reads
${monitorOptionsHelp('the first warm request (the first one an instance gets after answering one)')}
${FUNCTION_OPTIONS_HELP}
  -h, --help             show this help

Exit codes: 0 the run completed (failed requests are counted, not fatal); 2 usage, configuration or compile error.
`;

export async function load(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('load', args, {
    ...FUNCTION_OPTIONS,
    requests: { type: 'string', short: 'n' },
    concurrency: { type: 'string', short: 'c' },
    rate: { type: 'string' },
    'max-instances': { type: 'string' },
    'keep-alive': { type: 'string' },
    json: { type: 'boolean' },
    ...MONITOR_OPTIONS,
  });
  if (values.help) {
    io.stdout(LOAD_HELP);
    return 0;
  }
  if (values.requests === undefined || values.concurrency === undefined) throw new UsageError('load needs --requests N and --concurrency C. See hello-serverless load --help');
  const requests = positiveInteger('requests', values.requests, 1);
  const concurrency = positiveInteger('concurrency', values.concurrency, 1);
  const rate = numberFlag('rate', values.rate);
  if (rate !== undefined && !(rate > 0)) throw new UsageError(`--rate must be more than 0, got "${values.rate}"`);
  const maxInstances = values['max-instances'] === undefined ? undefined : positiveInteger('max-instances', values['max-instances'], 1);
  const keepAliveS = numberFlag('keep-alive', values['keep-alive']);
  if (keepAliveS !== undefined && !(keepAliveS >= 0)) throw new UsageError(`--keep-alive must be 0 or more seconds, got "${values['keep-alive']}"`);
  const config = functionFromFlags('load', positionals, values, io);
  const watch = new CommandWatch(monitorFromFlags(values), true);
  const event = await readEvent(values.event, io);

  const compiled = await compileDirectory(config.root, config.handlerFile, config.layers.dirs);
  if (!compiled.ok) {
    io.stderr(`Compile failed:\n${compiled.diagnostics.map((d) => `  ${formatDiagnostic(d)}\n`).join('')}`);
    return 2;
  }

  const clock = new ClosableClock(new RealClock());
  const node = new NodeInstanceHost({ functionRoot: config.root, modulePath: config.layers.modulePath, clock, ...watchedHost(watch) });
  const host = profiledHost(node, clock, config.platformProfile);
  const platform = new Platform({ clock, host, keepLogs: false, requestIds: randomUUID });
  let instancesStarted = 0;
  platform.on((e) => {
    if (e.type === 'instance-starting') instancesStarted += 1;
    watch.onEvent(e);
  });
  platform.deploy(deploymentOf(config, compiled, { maxConcurrency: maxInstances, keepAliveS }));

  const samples: LoadSample[] = [];
  const serviceSamples: ServiceSample[] = [];
  const started = performance.now();
  await driveLoad({ requests, concurrency, ...(rate === undefined ? {} : { ratePerSecond: rate }) }, async () => {
    const record = await platform.invoke(config.functionName, event);
    const sample: LoadSample = {
      outcome: record.status === 'ok' ? 'ok' : record.status === 'throttled' ? 'throttled' : 'failed',
      cold: record.startKind === 'cold',
      ...(record.instanceId ? { instanceId: record.instanceId } : {}),
      ...(record.status !== 'ok' && record.error ? { errorType: record.error.errorType } : {}),
      latencyMs: record.endMs - record.arrivalMs,
      billedMs: record.billedDurationMs,
      ...(record.startKind === 'cold' && record.phases ? { initDurationMs: initDurationMs(record.phases) } : {}),
      ...(record.billedInitMs > 0 ? { billedInitMs: record.billedInitMs } : {}),
      memoryMb: record.memoryMb,
    };
    samples.push(sample);
    serviceSamples.push(serviceSampleOf(record, sample));
  });
  const summary = summarise(samples, performance.now() - started, instancesStarted);
  platform.shutdown();
  clock.close();
  watch.reportLoad(compiled.bundle, io);

  const profile = config.platformProfile;
  if (values.json) {
    const run = { function: config.functionName, memoryMb: config.memoryMb, concurrency, ...(rate === undefined ? {} : { rate }), platformProfile: profile, packageBytes: compiled.bundle.length };
    io.stdout(`${JSON.stringify({ ...run, ...summary, samples: serviceSamples }, null, 2)}\n`);
  } else {
    io.stdout(`${config.functionName} (${config.memoryMb} MB), ${concurrency} clients${rate === undefined ? '' : ` at ${rate}/s`}\n${formatSummary(summary)}${modelledLine(profile, serviceSamples)}`);
  }
  return 0;
}

/** What model mode needs of one request (`--json`'s samples, read by simulate --service-from). */
function serviceSampleOf(record: InvocationRecord, sample: LoadSample): ServiceSample {
  const phases = record.startKind === 'cold' ? record.phases : null;
  return {
    cold: sample.cold,
    ...(phases ? { initMs: initDurationMs(phases) } : {}),
    durationMs: record.durationMs,
    latencyMs: sample.latencyMs,
    outcome: sample.outcome,
    ...(phases?.modelled ? { modelledMs: modelledTotalMs(phases.modelled) } : {}),
  };
}

/** With a platform profile, how much of the cold latency above was modelled rather than measured. */
function modelledLine(profile: string, samples: readonly ServiceSample[]): string {
  const modelled = samples.flatMap((s) => (s.modelledMs === undefined ? [] : [s.modelledMs]));
  if (modelled.length === 0) return '';
  const mean = modelled.reduce((sum, ms) => sum + ms, 0) / modelled.length;
  return `modelled      ${profile} profile: ${mean.toFixed(1)} ms on average before each of ${modelled.length} cold starts (not measured; in the latency above)\n`;
}
