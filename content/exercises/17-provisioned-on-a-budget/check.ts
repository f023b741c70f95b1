import { defineChecks, expectThat, type AnswerConfig, type Harness } from '../../../playground/workshop/check-api.ts';
import { DEFAULT_KEEP_ALIVE_S } from '../../../playground/faas/function-config.ts';
import { runModel, type ModelResult } from '../../../playground/model/simulation.ts';

/** Orders per minute from 11:30 to 12:30: a few a minute, the 12:00 bell (1,200 then 600), then 20 a minute. */
const LUNCH_TRACE = Array.from({ length: 60 }, (_, minute) => (minute < 30 ? 6 : minute === 30 ? 1_200 : minute === 31 ? 600 : 20));
const SEEDS = [1, 2, 3];
const MEMORY_MB = 512;
const P99_TARGET_MS = 250;
const IDLE_BUDGET_GBS = 10_000;
/** What one instance held idle for the whole trace would hold. */
const PER_INSTANCE_GBS = (MEMORY_MB / 1024) * LUNCH_TRACE.length * 60;

interface SeedRun {
  seed: number;
  result: ModelResult;
}

function modelRuns(config: AnswerConfig): SeedRun[] {
  return SEEDS.map((seed) => ({
    seed,
    result: runModel({
      arrival: { kind: 'trace', countsPerMinute: LUNCH_TRACE },
      warm: { kind: 'lognormal', mean: 0.1, cv: 0.3 },
      cold: { kind: 'constant', value: 2 },
      policy: 'provisioned',
      provisioned: config.provisionedConcurrency ?? 0,
      keepAliveS: config.keepAliveS ?? DEFAULT_KEEP_ALIVE_S,
      maxConcurrency: 1_000,
      memoryMb: MEMORY_MB,
      horizonS: LUNCH_TRACE.length * 60,
      seed,
    }),
  }));
}

const runs = new WeakMap<Harness, Promise<{ config: AnswerConfig; runs: SeedRun[] }>>();
/** Both checks judge the same three model runs of the answer's config, made once per check run. */
function lunch(fn: Harness): Promise<{ config: AnswerConfig; runs: SeedRun[] }> {
  let run = runs.get(fn);
  if (!run) {
    run = fn.config().then((config) => {
      expectThat(config.memoryMb === undefined || config.memoryMb === MEMORY_MB, {
        en: `config.memoryMb is ${config.memoryMb}; this function needs ${MEMORY_MB} MB. Leave memoryMb out, or set it to ${MEMORY_MB}.`,
        'zh-cn': `config.memoryMb 是 ${config.memoryMb}；这个函数需要 ${MEMORY_MB} MB。请去掉 memoryMb，或者设为 ${MEMORY_MB}。`,
      });
      return { config, runs: modelRuns(config) };
    });
    runs.set(fn, run);
  }
  return run;
}

const settings = (config: AnswerConfig) =>
  `provisionedConcurrency ${config.provisionedConcurrency ?? 0}, keepAliveS ${config.keepAliveS ?? DEFAULT_KEEP_ALIVE_S}`;
const perSeed = (seedRuns: SeedRun[], figure: (result: ModelResult) => string, separator: string) =>
  seedRuns.map(({ seed, result }) => `${seed}: ${figure(result)}`).join(separator);

export default defineChecks([
  {
    title: { en: `p99 latency at most ${P99_TARGET_MS} ms on the lunch trace`, 'zh-cn': `午餐时段流量下 p99 延迟不超过 ${P99_TARGET_MS} ms` },
    async run(fn) {
      const { config, runs: seedRuns } = await lunch(fn);
      const slow = seedRuns.filter(({ result }) => result.latencyMs.p99 > P99_TARGET_MS);
      const figures = perSeed(seedRuns, (result) => `p99 ${Math.round(result.latencyMs.p99)} ms, ${result.coldStarts} cold starts`, '; ');
      expectThat(slow.length === 0, {
        en: `With ${settings(config)}, seeds ${figures}. Where p99 is 2 s, more than 1 % of the ${seedRuns[0]!.result.requests} requests waited for a cold start: at 12:00 the burst finds too few instances ready, and each request that starts one makes the next arrivals start more.`,
        'zh-cn': `设置为 ${settings(config)} 时，各种子的结果为 ${figures.replaceAll('; ', '；')}。p99 为 2 秒的种子里，${seedRuns[0]!.result.requests} 个请求中超过 1% 在等冷启动：12:00 的高峰到来时就绪的实例太少，每个启动实例的请求又让后面到来的请求启动更多实例。`,
      });
    },
  },
  {
    title: { en: `Idle instances hold at most ${IDLE_BUDGET_GBS.toLocaleString('en')} GB-s`, 'zh-cn': `空闲实例占用不超过 ${IDLE_BUDGET_GBS.toLocaleString('en')} GBs` },
    async run(fn) {
      const { config, runs: seedRuns } = await lunch(fn);
      const over = seedRuns.filter(({ result }) => result.idleGbSeconds > IDLE_BUDGET_GBS);
      const figures = perSeed(seedRuns, (result) => `${Math.round(result.idleGbSeconds).toLocaleString('en')} GB-s`, ', ');
      const provisioned = config.provisionedConcurrency ?? 0;
      const provisionedGbs = provisioned * PER_INSTANCE_GBS;
      expectThat(over.length === 0, {
        en: `With ${settings(config)}, idle memory by seed was ${figures}. ${provisioned > 0 ? `Your ${provisioned} provisioned instance(s) alone hold up to ${Math.round(provisionedGbs).toLocaleString('en')} GB-s over the hour, ${Math.round(PER_INSTANCE_GBS)} each; ` : ''}every on-demand instance holds its memory for the keep-alive after its last request.`,
        'zh-cn': `设置为 ${settings(config)} 时，各种子的空闲内存为 ${figures.replace(/GB-s/g, 'GBs').replaceAll(', ', '，')}。${provisioned > 0 ? `仅你的 ${provisioned} 个预置实例一小时内就最多占用 ${Math.round(provisionedGbs).toLocaleString('en')} GBs，每个 ${Math.round(PER_INSTANCE_GBS)} GBs；` : ''}每个按需实例在最后一个请求之后，还要在整个保活时间里占着内存。`,
      });
    },
  },
]);
