import { readFileSync } from 'node:fs';
import type { ArrivalSpec } from '../model/arrivals.ts';
import { parseAzureTrace } from '../model/azure-trace.ts';
import { parseDistribution } from '../model/distributions.ts';
import type { DistributionSpec } from '../model/distributions.ts';
import { POLICY_NAMES, SWEEP_KEYS } from '../model/model-config.ts';
import type { ModelConfig, PolicyName, SweepKey } from '../model/model-config.ts';
import type { PlatformProfileName } from '../model/platform-profiles.ts';
import { measuredService } from '../model/service-samples.ts';
import type { MeasuredService, ServiceSample } from '../model/service-samples.ts';
import { numberFlag, positiveInteger } from './args.ts';
import { platformProfileFromFlags } from './platform-profile.ts';
import { UsageError } from './usage-error.ts';

export const MODEL_OPTIONS = {
  'arrival-rate': { type: 'string' },
  'arrival-interval': { type: 'string' },
  bursts: { type: 'string' },
  cron: { type: 'string' },
  'cron-start': { type: 'string' },
  trace: { type: 'string' },
  'trace-row': { type: 'string' },
  'warm-mean': { type: 'string' },
  'cold-mean': { type: 'string' },
  warm: { type: 'string' },
  cold: { type: 'string' },
  startup: { type: 'string' },
  'keep-alive': { type: 'string' },
  'max-concurrency': { type: 'string' },
  'scale-out': { type: 'string' },
  policy: { type: 'string' },
  provisioned: { type: 'string' },
  memory: { type: 'string' },
  timeout: { type: 'string' },
  horizon: { type: 'string' },
  seed: { type: 'string' },
  resolution: { type: 'string' },
  'service-from': { type: 'string' },
  'platform-profile': { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof MODEL_OPTIONS, string>>;

/** A load run's measured service times (`load --json`), as `--service-from` reads them. */
export interface ServiceFrom {
  file: string;
  measured: MeasuredService;
  platformProfile: PlatformProfileName;
  packageBytes: number;
  memoryMb: number | undefined;
}

export function readServiceFrom(path: string): ServiceFrom {
  let run: { samples?: unknown; platformProfile?: unknown; packageBytes?: unknown; memoryMb?: unknown };
  try {
    run = JSON.parse(readFileSync(path, 'utf8')) as typeof run;
  } catch (error) {
    throw new UsageError(`--service-from: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(run.samples)) throw new UsageError(`--service-from ${path} has no "samples": write it with hello-serverless load ... --json > ${path}`);
  let measured: MeasuredService;
  try {
    measured = measuredService(run.samples as ServiceSample[]);
  } catch (error) {
    throw new UsageError(`--service-from ${path}: ${(error as Error).message}`);
  }
  return {
    file: path,
    measured,
    platformProfile: platformProfileFromFlags({ 'platform-profile': typeof run.platformProfile === 'string' ? run.platformProfile : undefined }),
    packageBytes: typeof run.packageBytes === 'number' && run.packageBytes >= 0 ? run.packageBytes : 0,
    memoryMb: typeof run.memoryMb === 'number' ? run.memoryMb : undefined,
  };
}

/**
 * Turns the simulate command's flags into a model config; every mistake is a UsageError naming the flag. With
 * `service`, the response times are the measured ones and the profile defaults to the one the load ran with.
 */
export function modelConfigFromFlags(values: Values, service?: ServiceFrom): ModelConfig {
  const seed = numberFlag('seed', values.seed) ?? 1;
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number of 0 or more, got "${values.seed}"`);
  const policy = (values.policy ?? 'fixed') as PolicyName;
  if (!POLICY_NAMES.includes(policy)) throw new UsageError(`--policy must be one of ${POLICY_NAMES.join(', ')}, got "${values.policy}"`);
  const provisioned = values.provisioned === undefined ? undefined : nonNegativeInteger('provisioned', values.provisioned);
  const config: ModelConfig = {
    arrival: arrivalFromFlags(values),
    warm: service ? measuredFlag('warm', values, service.measured.warm) : distributionFlag('warm', values.warm, 'warm-mean', values['warm-mean']),
    cold: service ? measuredFlag('cold', values, service.measured.cold) : distributionFlag('cold', values.cold, 'cold-mean', values['cold-mean']),
    policy,
    keepAliveS: nonNegative('keep-alive', values['keep-alive']) ?? 600,
    maxConcurrency: positiveInteger('max-concurrency', values['max-concurrency'], 1000),
    horizonS: positive('horizon', values.horizon) ?? 3600,
    seed,
    ...(provisioned === undefined ? {} : { provisioned }),
  };
  if (values.startup !== undefined) config.startup = parse(values.startup, '--startup');
  const profile = values['platform-profile'] === undefined ? service?.platformProfile : platformProfileFromFlags(values);
  if (profile !== undefined && profile !== 'local') config.profile = profile;
  if (service && service.packageBytes > 0) config.packageBytes = service.packageBytes;
  const memory = values.memory === undefined ? service?.memoryMb : positiveInteger('memory', values.memory, 128);
  if (memory !== undefined) config.memoryMb = memory;
  const timeout = positive('timeout', values.timeout);
  if (timeout !== undefined) config.timeoutS = timeout;
  const resolution = positive('resolution', values.resolution);
  if (resolution !== undefined) config.resolutionS = resolution;
  if (values['scale-out'] !== undefined) {
    const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values['scale-out']);
    if (!match) throw new UsageError(`--scale-out takes N/S (at most N cold starts per S seconds), e.g. 1000/10, got "${values['scale-out']}"`);
    config.scaleOut = { instances: Number(match[1]), windowS: Number(match[2]) };
  }
  return config;
}

function arrivalFromFlags(values: Values): ArrivalSpec {
  const given = (['arrival-rate', 'arrival-interval', 'bursts', 'cron', 'trace'] as const).filter((name) => values[name] !== undefined);
  if (given.length !== 1) {
    throw new UsageError(
      given.length === 0
        ? 'simulate needs an arrival process: --arrival-rate R, --arrival-interval S, --bursts R,ON,OFF, --cron EXPR or --trace FILE'
        : `choose one arrival process, not ${given.map((name) => `--${name}`).join(' and ')}`,
    );
  }
  switch (given[0]) {
    case 'arrival-rate':
      return { kind: 'poisson', ratePerS: positive('arrival-rate', values['arrival-rate'])! };
    case 'arrival-interval':
      return { kind: 'constant', intervalS: positive('arrival-interval', values['arrival-interval'])! };
    case 'bursts': {
      const parts = (values.bursts ?? '').split(',').map(Number);
      if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n < 0) || !(parts[0]! > 0) || !(parts[1]! > 0)) {
        throw new UsageError(`--bursts takes RATE,ON,OFF (requests per second during ON seconds, then OFF seconds of silence), got "${values.bursts}"`);
      }
      return { kind: 'bursts', ratePerS: parts[0]!, onS: parts[1]!, offS: parts[2]! };
    }
    case 'cron':
      return { kind: 'cron', expression: values.cron!, ...(values['cron-start'] ? { start: values['cron-start'] } : {}) };
    default:
      return traceArrivals(values.trace!, values['trace-row']);
  }
}

function traceArrivals(path: string, rowFlag: string | undefined): ArrivalSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--trace: cannot read ${path}: ${(error as Error).message}`);
  }
  let rows;
  try {
    rows = parseAzureTrace(text);
  } catch (error) {
    throw new UsageError(`--trace ${path}: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new UsageError(`--trace ${path} has a header but no function rows`);
  const row = rowFlag === undefined ? 1 : positiveInteger('trace-row', rowFlag, 1);
  const chosen = rows[row - 1];
  if (!chosen) throw new UsageError(`--trace-row ${row}: ${path} has ${rows.length} function rows`);
  return { kind: 'trace', countsPerMinute: chosen.countsPerMinute };
}

function measuredFlag(name: 'warm' | 'cold', values: Values, measured: DistributionSpec): DistributionSpec {
  const meanName = `${name}-mean` as const;
  if (values[name] !== undefined || values[meanName] !== undefined) throw new UsageError(`--service-from gives the ${name} response times: leave out --${values[name] !== undefined ? name : meanName}`);
  return measured;
}

function distributionFlag(name: string, spec: string | undefined, meanName: string, mean: string | undefined): DistributionSpec {
  if (spec !== undefined && mean !== undefined) throw new UsageError(`give --${name} or --${meanName}, not both`);
  if (spec !== undefined) return parse(spec, `--${name}`);
  if (mean === undefined) throw new UsageError(`simulate needs --${meanName} S (exponential, mean in seconds) or --${name} DIST`);
  return { kind: 'exponential', mean: positive(meanName, mean)! };
}

function parse(text: string, flag: string): DistributionSpec {
  try {
    return parseDistribution(text, flag);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--sweep key=v1,v2,...` */
export function sweepFromFlag(text: string): { key: SweepKey; values: number[] } {
  const match = /^([a-z-]+)=(.+)$/.exec(text);
  const key = match?.[1] as SweepKey | undefined;
  if (!match || !key || !(key in SWEEP_KEYS)) {
    throw new UsageError(`--sweep takes KEY=V1,V2,... with KEY one of ${Object.keys(SWEEP_KEYS).join(', ')}, got "${text}"`);
  }
  const values = match[2]!.split(',').map((part) => Number(part.trim()));
  if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`--sweep ${key}: "${match[2]}" is not a list of numbers`);
  return { key, values };
}

function positive(name: string, value: string | undefined): number | undefined {
  const n = numberFlag(name, value);
  if (n !== undefined && !(n > 0)) throw new UsageError(`--${name} must be more than 0, got "${value}"`);
  return n;
}

function nonNegative(name: string, value: string | undefined): number | undefined {
  const n = numberFlag(name, value);
  if (n !== undefined && !(n >= 0)) throw new UsageError(`--${name} must be 0 or more, got "${value}"`);
  return n;
}

function nonNegativeInteger(name: string, value: string): number {
  const n = numberFlag(name, value)!;
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number of 0 or more, got "${value}"`);
  return n;
}
