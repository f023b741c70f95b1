import { defineChecks, expectThat, type AnswerConfig, type CheckedInvocation, type Harness, type RetryPolicy } from '../../../playground/workshop/check-api.ts';
import { Random } from '../../../playground/model/random.ts';

const DB_CONNECTIONS = 20;
const RATE_PER_S = 200;
const DURATION_S = 5;
const ORDERS = RATE_PER_S * DURATION_S;
const SUCCESS_SHARE = 0.99;
/** The concurrency the account leaves this function when it reserves none: a small account, for the exercise. */
const UNRESERVED_QUOTA = 30;
const NO_RETRY: RetryPolicy = { attempts: 1, firstDelayMs: 0 };
const RETRY_SEED = 12;
const ARRIVAL_SEED = 2019;
/**
 * Before the load, waves of requests at once start the instances it will use, a few at a time: the checks are about
 * connections and retries at a steady 200 a second, not about a machine starting dozens of workers in one go.
 */
const WARM_UP_WAVES = [1, 2, 4, 8, 16, 24];

interface Order {
  /** Every try, in order; the last one is how the order ended. */
  tries: CheckedInvocation[];
}

interface LoadRun {
  config: AnswerConfig;
  orders: Order[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The caller: sends an order, and while the platform throttles it, waits (backoff with full jitter) and sends it again. */
async function placeOrder(fn: Harness, order: number, retry: RetryPolicy, random: Random): Promise<Order> {
  const tries: CheckedInvocation[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const result = await fn.invoke({ order, table: (order % 40) + 1 });
    tries.push(result);
    if (result.status !== 'throttled' || attempt >= retry.attempts) return { tries };
    await sleep(random.next() * retry.firstDelayMs * 2 ** (attempt - 1));
  }
}

const loads = new WeakMap<Harness, Promise<LoadRun>>();
/** Both checks judge the same load: 1,000 orders at 200 a second on average after the warm-up, made once per check run. */
function load(fn: Harness): Promise<LoadRun> {
  let run = loads.get(fn);
  if (!run) {
    run = (async () => {
      const config = await fn.config();
      fn.deployWith({ reservedConcurrency: config.reservedConcurrency ?? UNRESERVED_QUOTA });
      for (const wave of WARM_UP_WAVES) {
        await Promise.all(Array.from({ length: wave }, (_, index) => fn.invoke({ order: -1 - index, table: 1 })));
      }
      const retry = config.retry ?? NO_RETRY;
      const jitter = new Random(RETRY_SEED);
      const arrivals = new Random(ARRIVAL_SEED);
      // Orders arrive at random moments (a Poisson process), 200 a second on average, as people tap "order".
      const due: number[] = [];
      for (let at = 0; due.length < ORDERS; ) due.push((at += arrivals.exponential(1000 / RATE_PER_S)));
      const placed: Promise<Order>[] = [];
      const started = Date.now();
      // Each timer tick sends every order that is due, so a late timer bunches a few orders, never the whole load.
      while (placed.length < ORDERS) {
        const now = Date.now() - started;
        while (placed.length < ORDERS && due[placed.length]! <= now) placed.push(placeOrder(fn, placed.length + 1, retry, jitter));
        await sleep(1);
      }
      return { config, orders: await Promise.all(placed) };
    })();
    loads.set(fn, run);
  }
  return run;
}

/** The most handlers running at once: each holds one database connection while it runs. */
function peakConnections(orders: Order[]): number {
  const edges: [number, number][] = [];
  for (const result of orders.flatMap((order) => order.tries)) {
    if (result.status === 'throttled') continue;
    edges.push([result.startMs, 1], [result.endMs, -1]);
  }
  // A connection closed at the moment another opens is not two at once.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, change] of edges) {
    open += change;
    peak = Math.max(peak, open);
  }
  return peak;
}

const describeSettings = (config: AnswerConfig) =>
  `reservedConcurrency ${config.reservedConcurrency ?? `not set (the account's ${UNRESERVED_QUOTA})`}, retry ${config.retry ? `${config.retry.attempts} tries from ${config.retry.firstDelayMs} ms` : 'not set (1 try)'}`;

export default defineChecks([
  {
    title: { en: `The database never sees more than ${DB_CONNECTIONS} connections`, 'zh-cn': `数据库的连接数从不超过 ${DB_CONNECTIONS}` },
    async run(fn) {
      const { config, orders } = await load(fn);
      const peak = peakConnections(orders);
      expectThat(peak <= DB_CONNECTIONS, {
        en: `With ${describeSettings(config)}, ${peak} handlers ran at once, each holding a connection: the database allows ${DB_CONNECTIONS}. Each request holds its connection for about 100 ms, so 200 orders a second keep about 20 busy, and every cold start or slow moment pushes past that.`,
        'zh-cn': `设置为 ${describeSettings(config)} 时，同时运行的执行方法有 ${peak} 个，每个都占着一个连接；数据库只允许 ${DB_CONNECTIONS} 个。每个请求占用连接约 100 ms，所以每秒 200 个订单平均就有约 20 个在忙，任何一次冷启动或一点变慢都会超出。`,
      });
    },
  },
  {
    title: { en: `At least ${SUCCESS_SHARE * 100} % of ${ORDERS.toLocaleString('en')} orders succeed in the end`, 'zh-cn': `${ORDERS.toLocaleString('en')} 个订单中至少 ${SUCCESS_SHARE * 100}% 最终成功` },
    async run(fn) {
      const { config, orders } = await load(fn);
      const ended = orders.map((order) => order.tries[order.tries.length - 1]!);
      const succeeded = ended.filter((result) => result.ok).length;
      const throttledFirst = orders.filter((order) => order.tries[0]!.status === 'throttled').length;
      const throttledLast = ended.filter((result) => result.status === 'throttled').length;
      const otherFailure = ended.find((result) => !result.ok && result.status !== 'throttled');
      const retries = orders.reduce((sum, order) => sum + order.tries.length - 1, 0);
      const share = `${((100 * succeeded) / ORDERS).toFixed(1)} %`;
      expectThat(succeeded >= SUCCESS_SHARE * ORDERS, {
        en: `With ${describeSettings(config)}, ${succeeded} of ${ORDERS.toLocaleString('en')} orders succeeded (${share}). ${throttledFirst} were throttled on their first try, ${retries} retries were sent, and ${throttledLast} were still throttled on their last try.${otherFailure ? ` Another failure: ${otherFailure.status}: ${otherFailure.error?.errorType}: ${otherFailure.error?.errorMessage}.` : ''}`,
        'zh-cn': `设置为 ${describeSettings(config)} 时，${ORDERS.toLocaleString('en')} 个订单中有 ${succeeded} 个成功（${share}）。第一次调用被限流的有 ${throttledFirst} 个，共重试 ${retries} 次，最后一次仍被限流的有 ${throttledLast} 个。${otherFailure ? `另有失败：${otherFailure.status}: ${otherFailure.error?.errorType}: ${otherFailure.error?.errorMessage}。` : ''}`,
      });
    },
  },
]);
