import { paretoFront, runSeeds, sweep, SUMMARY_KEYS } from '../../model/experiments.ts';
import type { SeedsResult, SummaryKey } from '../../model/experiments.ts';
import type { ModelConfig } from '../../model/model-config.ts';
import { parseCommandArgs, positiveInteger } from '../args.ts';
import type { CliIO } from '../io.ts';
import { MODEL_OPTIONS, modelConfigFromFlags, readServiceFrom, sweepFromFlag } from '../model-flags.ts';
import type { ServiceFrom } from '../model-flags.ts';
import { ModelledStart, platformProfile } from '../../model/platform-profiles.ts';
import { UsageError } from '../usage-error.ts';

export const SIMULATE_HELP = `Usage: hello-serverless simulate --arrival-rate R --warm-mean S --cold-mean S [options]

The model mode: the same scheduler and policies as the live platform, on a virtual clock, with simulated
instances whose response times are drawn from distributions. Hours of traffic take a second. Reports requests,
cold starts, rejections, time-averaged instance counts (from an empty start), idle memory (GB-s), latency and
instance lifespans. Without a distribution, response times are exponential with the given mean (SimFaaS's model).

Arrivals (choose one):
  --arrival-rate R         Poisson arrivals, R per second
  --arrival-interval S     one request every S seconds
  --bursts R,ON,OFF        Poisson at R/s for ON seconds, then OFF seconds of silence, repeating
  --cron EXPR              a timer trigger: SCF's 7 fields (sec min hour day month weekday year) or the standard 5
  --cron-start ISO         the calendar date at virtual time 0 (default 2024-01-01T00:00:00Z, UTC)
  --trace FILE             per-minute counts in the Azure Functions 2019 trace format (content/traces/)
  --trace-row N            which function row of the trace (default 1)
Response times (seconds):
  --warm-mean S            mean response time on an idle instance (exponential)
  --cold-mean S            mean response time of the request that starts an instance (exponential)
  --warm DIST, --cold DIST exp:MEAN, const:V, lognormal:MEAN,CV, uniform:MIN,MAX or empirical:V1,V2,...
  --startup DIST           time for an instance started ahead of traffic to be ready (default cold − warm mean)
  --service-from FILE      your function's measured response times: the samples of "load ... --json > FILE",
                           warm and cold apart, as empirical distributions (instead of the four flags above)
  --platform-profile P     local, lambda or scf-2019: add that platform's MODELLED cold-start phases to every
                           start (default: the profile the load ran with, else local)
Platform:
  --policy NAME            fixed (default), provisioned, histogram (hybrid histogram, Shahrad et al. 2020),
                           autoscaler (per-second concurrency, stable and panic windows like Knative's KPA)
  --keep-alive S           idle seconds before an instance is reclaimed (default 600; histogram's fallback)
  --provisioned N          instances kept ready (provisioned) or the autoscaler's minimum
  --max-concurrency N      a request arriving while N instances are running is rejected (default 1000)
  --scale-out N/S          at most N cold starts per S seconds
  --memory MB              memory per instance, for GB-seconds (default 128, or the load's)
  --timeout S              function timeout (default 900)
Run:
  --horizon S              simulated seconds (default 3600)
  --seed K                 random seed (default 1); the same seed gives the same run
  --seeds N                run seeds K … K+N−1 and report means ± standard errors
  --sweep KEY=V1,V2,...    run each value of keep-alive, max-concurrency, provisioned, arrival-rate, warm-mean or
                           cold-mean; prints the cold-start vs idle-memory curve and its Pareto front
  --resolution S           width of a time-series point (with --series; default horizon/200)
  --series                 include the time series in the JSON output
  --json                   one JSON object on STDOUT
  -h, --help               show this help

Exit codes: 0 the run completed; 2 a flag or file is wrong.
Example: hello-serverless simulate --arrival-rate 0.9 --warm-mean 1.991 --cold-mean 2.244 --keep-alive 600 --horizon 100000
Your function: hello-serverless load my-fn -n 200 -c 4 --json > load.json
               hello-serverless simulate --service-from load.json --arrival-rate 50 --keep-alive 600
               hello-serverless simulate --service-from load.json --arrival-rate 50 --policy provisioned --provisioned 5
`;

export async function simulate(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('simulate', args, {
    ...MODEL_OPTIONS,
    seeds: { type: 'string' },
    sweep: { type: 'string' },
    series: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(SIMULATE_HELP);
    return 0;
  }
  const service = values['service-from'] === undefined ? undefined : readServiceFrom(values['service-from']);
  const config = modelConfigFromFlags(values, service);
  const measured = service ? { measured: measuredJson(service, config) } : {};
  const seeds = positiveInteger('seeds', values.seeds, 1);
  const json = values.json === true;
  try {
    if (values.sweep !== undefined) {
      const { key, values: list } = sweepFromFlag(values.sweep);
      const points = sweep(config, key, list, seeds);
      const front = new Set(paretoFront(points).map((p) => p.value));
      if (json) {
        const out = points.map((p) => ({ [key]: p.value, ...summaryJson(p.result), pareto: front.has(p.value) }));
        io.stdout(`${JSON.stringify({ sweep: key, seeds, ...measured, points: out }, null, 2)}\n`);
      } else {
        io.stdout(`${describe(config)}\n${service ? provenance(service, config) : ''}Sweep of ${key} over ${list.join(', ')}, each value in place of the one above (${seeds} seed${seeds === 1 ? '' : 's'} each); * = on the Pareto front of cold starts vs idle memory\n`);
        io.stdout(sweepTable(key, points.map((p) => ({ value: p.value, result: p.result, front: front.has(p.value) }))));
      }
      return 0;
    }
    const result = runSeeds(config, seeds);
    if (json) {
      const series = values.series ? { series: result.runs[0]!.series } : {};
      io.stdout(`${JSON.stringify({ ...summaryJson(result), ...measured, ...series }, null, 2)}\n`);
    } else {
      io.stdout(`${describe(config)}\n${service ? provenance(service, config) : ''}${report(result)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof RangeError || error instanceof SyntaxError) throw new UsageError(error.message);
    throw error;
  }
}

/** The JSON shape: every summary number at the top (means over seeds), their standard errors, speed. */
function summaryJson(result: SeedsResult): Record<string, unknown> {
  const first = result.runs[0]!;
  return {
    ...result.mean,
    ...(result.seeds.length > 1 ? { seeds: result.seeds, standardErrors: result.standardError } : { seed: result.seeds[0] }),
    latencyMs: result.latencyMs,
    lifespan: first.lifespan,
    peakInstances: first.peakInstances,
    horizonS: first.horizonS,
    events: result.runs.reduce((sum, run) => sum + run.events, 0),
    wallSeconds: result.wallSeconds,
    requestsPerSecond: result.requestsPerSecond,
  };
}

/** Which figures of the run were measured, how many samples they rest on, and what was modelled on top. */
function measuredJson(service: ServiceFrom, config: ModelConfig): Record<string, unknown> {
  const m = service.measured;
  return {
    file: service.file,
    warm: { samples: m.warmSamples, meanS: m.warmMeanS },
    cold: { samples: m.coldSamples, meanS: m.coldMeanS },
    modelled: config.profile ? { platformProfile: config.profile, meanS: modelledMeanS(config) } : null,
  };
}

function provenance(service: ServiceFrom, config: ModelConfig): string {
  const m = service.measured;
  const s = (value: number) => `${(value * 1000).toFixed(1)} ms`;
  const lines = [
    `Measured (${service.file}): warm response ${s(m.warmMeanS)} mean over ${m.warmSamples} samples; cold response ${s(m.coldMeanS)} mean over ${m.coldSamples} samples`,
    config.profile
      ? `Modelled: the ${config.profile} profile's cold-start phases, ${s(modelledMeanS(config))} mean, added to every start`
      : 'Modelled: nothing added to the measured times (local profile)',
    'Everything else (arrivals, keep-alive, policy, concurrency) is what you asked for above.',
  ];
  return `${lines.join('\n')}\n`;
}

function modelledMeanS(config: ModelConfig): number {
  return new ModelledStart(platformProfile(config.profile ?? 'local'), config.packageBytes ?? 0).total().mean;
}

function describe(config: ModelConfig): string {
  const a = config.arrival;
  const arrival =
    a.kind === 'poisson'
      ? `Poisson arrivals at ${a.ratePerS}/s`
      : a.kind === 'constant'
        ? `one request every ${a.intervalS} s`
        : a.kind === 'bursts'
          ? `bursts of ${a.ratePerS}/s for ${a.onS} s every ${a.onS + a.offS} s`
          : a.kind === 'cron'
            ? `timer "${a.expression}"`
            : `trace replay (${a.countsPerMinute.reduce((s, c) => s + c, 0).toLocaleString('en')} invocations a day)`;
  const policy =
    config.policy === 'fixed'
      ? `fixed keep-alive ${config.keepAliveS} s`
      : config.policy === 'provisioned'
        ? `${config.provisioned ?? 0} provisioned + keep-alive ${config.keepAliveS} s`
        : config.policy === 'histogram'
          ? `hybrid histogram (fallback ${config.keepAliveS} s)`
          : `concurrency autoscaler (min ${config.provisioned ?? 0})`;
  return `${arrival} · ${policy} · max concurrency ${config.maxConcurrency} · ${config.horizonS.toLocaleString('en')} s simulated · seed ${config.seed}`;
}

function report(result: SeedsResult): string {
  const m = result.mean;
  const se = result.standardError;
  const many = result.seeds.length > 1;
  const v = (key: SummaryKey, digits: number): string => `${fixed(m[key], digits)}${many ? ` ± ${fixed(se[key], digits)}` : ''}`;
  const p = (key: SummaryKey): string => `${probability(m[key])}${many ? ` ± ${probability(se[key])}` : ''}`;
  const first = result.runs[0]!;
  const lines = [
    ['requests', v('requests', 0)],
    ['cold starts', `${v('coldStarts', 0)}  (pCold ${p('pCold')})`],
    ['rejected', `${v('rejected', 0)}  (pReject ${p('pReject')})`],
    ['instances', `${v('avgInstances', 3)} on average: running ${v('avgRunning', 3)}, idle ${v('avgIdle', 3)}`],
    ['cost', `${v('billedGbSeconds', 0)} GB-s billed for requests, ${v('idleGbSeconds', 0)} GB-s idle (kept warm; provisioned instances bill this too)`],
    ['peak', `${v('peakConcurrency', many ? 1 : 0)} instances running at once`],
    ['latency', `p50 ${seconds(result.latencyMs.p50)}  p95 ${seconds(result.latencyMs.p95)}  p99 ${seconds(result.latencyMs.p99)}${many ? ' (first seed)' : ''}`],
    ['lifespan', first.lifespan.count === 0 ? 'no instance ended' : `mean ${fixed(first.lifespan.meanS, 1)} s over ${first.lifespan.count.toLocaleString('en')} ended instances`],
    ['speed', `${fixed(result.wallSeconds, 3)} s wall, ${fixed(result.requestsPerSecond / 1e6, 2)} M simulated requests/s`],
  ];
  return `${lines.map(([label, text]) => `  ${label!.padEnd(12)} ${text}`).join('\n')}\n${many ? `  (${result.seeds.length} seeds: mean ± standard error)\n` : ''}`;
}

function sweepTable(key: string, rows: { value: number; result: SeedsResult; front: boolean }[]): string {
  const header = `  ${key.padStart(16)}  ${'pCold'.padStart(10)}  ${'idle GB-s'.padStart(12)}  ${'avg idle'.padStart(9)}  ${'pReject'.padStart(9)}\n`;
  return (
    header +
    rows
      .map(
        ({ value, result, front }) =>
          `${front ? '*' : ' '} ${String(value).padStart(16)}  ${probability(result.mean.pCold).padStart(10)}  ${fixed(result.mean.idleGbSeconds, 0).padStart(12)}  ${fixed(result.mean.avgIdle, 2).padStart(9)}  ${probability(result.mean.pReject).padStart(9)}`,
      )
      .join('\n') +
    '\n'
  );
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(value);
}

/** Three significant digits, however small (cold-start probabilities span several orders of magnitude). */
function probability(value: number): string {
  return value === 0 || !Number.isFinite(value) ? String(value) : value.toPrecision(3);
}

function seconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(3)} s` : 'n/a';
}

export { SUMMARY_KEYS };
