/**
 * What an exercise's check.ts is written against. Checks see the learner's function only through `Harness`, so the
 * same checks run in the CLI (Node worker_threads instances) and in the browser (Web Worker instances).
 * Pure TypeScript: no DOM, no Node.
 */
import type { SubscriptionOptions, Topic } from '../services/topic.ts';
import type { WebSocketGateway } from '../services/websocket-gateway.ts';

export type Locale = 'en' | 'zh-cn';

/** A sentence in both site languages. */
export interface Bilingual {
  en: string;
  'zh-cn': string;
}

/** How an invocation ended: `oom` is an instance killed for going over its memory setting. */
export type CheckedStatus = 'ok' | 'error' | 'timeout' | 'throttled' | 'crashed' | 'oom';

/** One invocation as a check sees it. */
export interface CheckedInvocation {
  requestId: string;
  ok: boolean;
  status: CheckedStatus;
  /** The handler's return value when ok. */
  value: unknown;
  error?: { errorType: string; errorMessage: string };
  instanceId: string;
  cold: boolean;
  /** How long the handler ran, in milliseconds, as the instance's host measured it. */
  durationMs: number;
  /** The invocation's log lines, without prefixes. */
  logs: string[];
  /**
   * When the handler was called and when it ended, in the platform clock's milliseconds: the span it held its
   * instance, and any connection it opened. A throttled request never reached a handler: both are its arrival.
   */
  startMs: number;
  endMs: number;
  /** On a cold start: the measured start, as the REPORT line's Init Duration counts it. */
  init?: CheckedInit;
}

/**
 * A cold start's Init Duration (Lambda's figure: worker start + code load + your init, see faas/phases.ts) and the
 * one part of it an answer's code decides: the module's top level.
 */
export interface CheckedInit {
  durationMs: number;
  yourInitMs: number;
}

/**
 * The settings an answer chooses, in one object its file exports as `config`, with the same shape in every exercise
 * that has settings: `export const config = { reservedConcurrency: 20 };`. An exercise reads the fields it needs and
 * its page says which; a field left out means the platform's default.
 */
export interface AnswerConfig {
  /** The function's memory, in MB. */
  memoryMb?: number;
  /** At most this many requests run at once; one more is throttled. */
  reservedConcurrency?: number;
  /** Instances started ahead of traffic and never reclaimed for idleness. */
  provisionedConcurrency?: number;
  /** Seconds an idle instance is kept before it is reclaimed. */
  keepAliveS?: number;
  /**
   * How the caller retries a throttled request, where the check plays the caller: at most `attempts` tries in all;
   * before try n + 1 it waits a random time between 0 and firstDelayMs × 2^(n − 1) (exponential backoff with full
   * jitter).
   */
  retry?: RetryPolicy;
}

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
}

type NumericSetting = Exclude<keyof AnswerConfig, 'retry'>;

interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
}

const CONFIG_FIELDS: Record<NumericSetting, NumberRule> = {
  memoryMb: { min: 64, max: 3072, integer: true },
  reservedConcurrency: { min: 0, max: 1000, integer: true },
  provisionedConcurrency: { min: 0, max: 1000, integer: true },
  keepAliveS: { min: 0, max: 86_400, integer: false },
};
const RETRY_FIELDS: Record<keyof RetryPolicy, NumberRule> = {
  attempts: { min: 1, max: 20, integer: true },
  firstDelayMs: { min: 0, max: 60_000, integer: false },
};

/** Why `value` breaks `rule`, for the setting called `name`; undefined when it keeps it. */
function numberProblem(name: string, value: unknown, rule: NumberRule): Bilingual | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= rule.min && value <= rule.max && (!rule.integer || Number.isInteger(value))) return undefined;
  const kind = rule.integer ? { en: 'a whole number', 'zh-cn': '整数' } : { en: 'a number', 'zh-cn': '数字' };
  return { en: `${name} must be ${kind.en} from ${rule.min} to ${rule.max}, not ${show(value)}.`, 'zh-cn': `${name} 应是 ${rule.min} 到 ${rule.max} 之间的${kind['zh-cn']}，而不是 ${show(value)}。` };
}

function parseRetry(value: unknown): { ok: true; retry: RetryPolicy } | { ok: false; problem: Bilingual } {
  const fields = Object.keys(RETRY_FIELDS);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !fields.every((key) => Object.hasOwn(value, key)) || Object.keys(value).length !== fields.length) {
    return { ok: false, problem: { en: `config.retry must be an object with exactly the fields ${fields.join(' and ')}, not ${show(value)}.`, 'zh-cn': `config.retry 应是一个恰好含有 ${fields.join(' 和 ')} 两个字段的对象，而不是 ${show(value)}。` } };
  }
  const record = value as Record<keyof RetryPolicy, unknown>;
  for (const key of fields as (keyof RetryPolicy)[]) {
    const problem = numberProblem(`config.retry.${key}`, record[key], RETRY_FIELDS[key]);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, retry: { attempts: record.attempts as number, firstDelayMs: record.firstDelayMs as number } };
}

/**
 * Reads what an answer exported as `config`: the settings, or why they cannot be used, in both languages. Unknown
 * fields are refused by name, so a typo ("reservedConcurency") is not silently a default.
 */
export function parseAnswerConfig(value: unknown): { ok: true; config: AnswerConfig } | { ok: false; problem: Bilingual } {
  const fields = [...Object.keys(CONFIG_FIELDS), 'retry'];
  if (value === undefined || value === null) {
    return { ok: false, problem: { en: `The file exports no \`config\`. Add one: export const config = { ... }; with the fields ${fields.join(', ')}.`, 'zh-cn': `文件没有导出 \`config\`。请加上：export const config = { ... };，字段可用 ${fields.join('、')}。` } };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: { en: `\`config\` must be an object, not ${show(value)}.`, 'zh-cn': `\`config\` 应是一个对象，而不是 ${show(value)}。` } };
  }
  const config: AnswerConfig = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (key === 'retry') {
      const retry = parseRetry(field);
      if (!retry.ok) return retry;
      config.retry = retry.retry;
      continue;
    }
    const rule = CONFIG_FIELDS[key as NumericSetting];
    if (!rule) {
      return { ok: false, problem: { en: `\`config\` has a field "${key}" no exercise reads; the fields are ${fields.join(', ')}.`, 'zh-cn': `\`config\` 里的字段 "${key}" 没有练习会读取；可用的字段是 ${fields.join('、')}。` } };
    }
    const problem = numberProblem(`config.${key}`, field, rule);
    if (problem) return { ok: false, problem };
    config[key as NumericSetting] = field as number;
  }
  return { ok: true, config };
}

/** One memory figure of an instance: its JavaScript heap plus the memory outside it that it holds (buffers). */
export interface MemoryFigure {
  instanceId: string;
  bytes: number;
  /** This was the instance's last figure before the platform stopped it for going over its memory setting. */
  stoppedForMemory?: true;
}

/** What one run of the `hello-serverless` command printed, and its exit code. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The project's own command-line tool, which only the CLI host can run (a browser page has no processes). */
export interface CliRunner {
  /** The exercise's folder on disk, for the paths of its fixtures. */
  folder: string;
  /** Runs `hello-serverless <args>` and collects what it printed. */
  run(args: string[]): Promise<CliRun>;
}

export interface Harness {
  invoke(event: unknown): Promise<CheckedInvocation>;
  /** A WebSocket gateway in front of the answer's function, with its own connection store: the check plays the clients. */
  webSocketGateway(): WebSocketGateway;
  /**
   * A CMQ-style topic with one subscription per entry of `subscribers` (subscription name → the answer's export that
   * takes its messages, deployed as a function of its own), each with its own retries and dead-letter queue.
   */
  topic(name: string, subscribers: Record<string, string>, options?: SubscriptionOptions): Topic;
  /**
   * The answer's exported `config`, checked; a config that cannot be used fails the check with the reason. Reading it
   * runs the answer's module once in an instance of its own, apart from the function the checks invoke. It changes
   * no setting of that function: a check that wants the settings live passes them to `deployWith`.
   */
  config(): Promise<AnswerConfig>;
  /** Deploys the answer again with these settings; instances of the earlier deployment end once idle. */
  deployWith(config: AnswerConfig): void;
  /**
   * Deploys the answer as another function, `name`, whose handler is its export `exportName`, with `layer` mounted at
   * /opt (CommonJS files by their path under /opt). Deploying a name again with another layer binds a new layer
   * version, as a function update does on the platforms: its warm instances end once idle, new ones mount the new one.
   */
  deployFunction(name: string, exportName: string, layer: Record<string, string>): void;
  invokeFunction(name: string, event: unknown): Promise<CheckedInvocation>;
  /** Present in the CLI only. */
  cli?: CliRunner;
  /**
   * The first memory figure of the invocation's instance measured after the invocation began, waiting up to
   * `waitMs` for it; undefined when none came. When the platform stopped the instance for its memory after the
   * invocation began, before such a figure came, it is the instance's last figure. The CLI's Node instances are
   * measured every 100 ms while they run code and as each invocation ends; a browser measures its workers only about
   * every 20 s, and only where the page may ask (Chromium, cross-origin isolated).
   */
  memoryAfter(invocation: CheckedInvocation, waitMs: number): Promise<MemoryFigure | undefined>;
  /**
   * The CPU time, in milliseconds, the invocation's instance used from the end of its previous invocation to the end
   * of this one (user plus system time of its thread): the handler's own work, whatever else the machine is doing.
   * Undefined for an instance's first invocation and where the host cannot measure it (a browser cannot).
   */
  cpuTimeMs(invocation: CheckedInvocation): number | undefined;
}

export interface Check {
  title: Bilingual;
  /** Throws a CheckFailure (or any error) when the learner's function does not do what the title says. */
  run(harness: Harness): Promise<void>;
}

export class CheckFailure extends Error {
  readonly explanation: Bilingual;
  constructor(explanation: Bilingual) {
    super(explanation.en);
    this.name = 'CheckFailure';
    this.explanation = explanation;
  }
}

/** Fails the check with `explanation` unless `condition` holds. */
export function expectThat(condition: boolean, explanation: Bilingual): asserts condition {
  if (!condition) throw new CheckFailure(explanation);
}

/** Fails unless the invocation succeeded, quoting the error the learner's code raised. */
export function expectOk(invocation: CheckedInvocation): void {
  const error = invocation.error;
  expectThat(invocation.ok, {
    en: `The function failed: ${error?.errorType}: ${error?.errorMessage}`,
    'zh-cn': `函数执行出错：${error?.errorType}: ${error?.errorMessage}`,
  });
}

export function defineChecks(checks: Check[]): Check[] {
  return checks;
}

/** Whether two JSON-like values are equal, field by field: the order an object's keys were written in does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && deepEqual((a as Record<string, unknown>)[key], bRecord[key]));
}

/** The top-level fields of `actual` that `expected` has no room for, and those it lacks: what to say when objects differ. */
export function fieldDifference(actual: unknown, expected: object): { extra: string[]; missing: string[] } {
  const actualKeys = typeof actual === 'object' && actual !== null && !Array.isArray(actual) ? Object.keys(actual) : [];
  const expectedKeys = Object.keys(expected);
  return {
    extra: actualKeys.filter((key) => !expectedKeys.includes(key)),
    missing: expectedKeys.filter((key) => !actualKeys.includes(key)),
  };
}

/** Shows a value in a failure message, short enough to read. */
export function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
