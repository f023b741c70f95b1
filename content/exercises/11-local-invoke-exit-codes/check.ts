import { defineChecks, expectOk, expectThat, show, type CliRun, type CliRunner, type Harness } from '../../../playground/workshop/check-api.ts';

type RunName = 'ok' | 'bad' | 'slow';
type Runs = Record<RunName, CliRun>;

/** The builds of the order-total function the gate is tried on (fixtures/<build>/index.ts). */
type Build = 'order-total' | 'swallows-errors' | 'missing-module' | 'wrong-total' | 'wrong-error';

/** The CI job's three commands, as the task lists them; `eventOf` lets one check point a run at a wrong file. */
function commands(cli: CliRunner, build: Build, eventOf: (name: RunName) => string): Record<RunName, string[]> {
  const invoke = (name: RunName) => ['invoke', `${cli.folder}/fixtures/${build}/index.ts`, '--event', `${cli.folder}/fixtures/${eventOf(name)}`];
  return { ok: invoke('ok'), bad: invoke('bad'), slow: [...invoke('slow'), '--timeout', '1'] };
}

const standardEvents = (name: RunName) => `${name}.json`;

/** The CLI, or a failure that says why this exercise cannot be checked in a browser. */
function cliOf(fn: Harness): CliRunner {
  const cli = fn.cli;
  expectThat(cli !== undefined, {
    en: 'This exercise runs the real hello-serverless command on its fixtures, and a browser page cannot start a command. Save your gate as index.ts and run: npx hello-serverless check 11 ./index.ts',
    'zh-cn': '这个练习要在测试用例上运行真正的 hello-serverless 命令，而浏览器页面无法启动命令。请把你的关卡保存为 index.ts，然后运行：npx hello-serverless check 11 ./index.ts',
  });
  return cli;
}

// Each build is run once per check run (every run gets a fresh harness): a cold start and a 1 s timeout each time.
const runsCache = new WeakMap<Harness, Map<string, Promise<Runs>>>();
function runsOf(fn: Harness, build: Build, eventOf: (name: RunName) => string = standardEvents): Promise<Runs> {
  const cli = cliOf(fn);
  const cache = runsCache.get(fn) ?? new Map<string, Promise<Runs>>();
  runsCache.set(fn, cache);
  const all = commands(cli, build, eventOf);
  const key = JSON.stringify(all);
  let runs = cache.get(key);
  if (!runs) {
    runs = Promise.all([cli.run(all.ok), cli.run(all.bad), cli.run(all.slow)]).then(([ok, bad, slow]) => ({ ok, bad, slow }));
    cache.set(key, runs);
  }
  return runs;
}

interface Verdict {
  deploy?: unknown;
  reason?: unknown;
}

async function verdictOn(fn: Harness, runs: Runs): Promise<Verdict> {
  const result = await fn.invoke({ runs });
  expectOk(result);
  return (result.value ?? {}) as Verdict;
}

/** The broken build must be stopped, with a reason that names the run that showed it. */
async function expectStopped(fn: Harness, runs: Runs, what: { en: string; 'zh-cn': string }, run: RunName): Promise<void> {
  const verdict = await verdictOn(fn, runs);
  const { exitCode, stdout } = runs[run];
  expectThat(verdict.deploy === false, {
    en: `${what.en}: the gate answered ${show(verdict)}; it must answer deploy: false. The ${run} run exited ${exitCode} with stdout ${show(stdout)}.`,
    'zh-cn': `${what['zh-cn']}：关卡的回答是 ${show(verdict)}；应当回答 deploy: false。${run} 这次运行的退出码是 ${exitCode}，stdout 是 ${show(stdout)}。`,
  });
  expectThat(typeof verdict.reason === 'string' && verdict.reason.includes(run), {
    en: `${what.en}: the reason was ${show(verdict.reason)}; name the run that went wrong ("${run}"), so whoever reads the CI log knows where to look.`,
    'zh-cn': `${what['zh-cn']}：原因是 ${show(verdict.reason)}；请写出出问题的那次运行（"${run}"），让看 CI 日志的人知道该查哪里。`,
  });
}

export default defineChecks([
  {
    title: { en: 'Lets a good build deploy', 'zh-cn': '放行正常的构建' },
    async run(fn) {
      const runs = await runsOf(fn, 'order-total');
      const verdict = await verdictOn(fn, runs);
      const seen = Object.entries(runs).map(([name, run]) => `${name}: exit ${run.exitCode}, stdout ${show(run.stdout)}`).join('; ');
      expectThat(verdict.deploy === true, {
        en: `For the good build the gate answered ${show(verdict)}, expected deploy: true. The runs were ${seen}.`,
        'zh-cn': `对正常的构建，关卡的回答是 ${show(verdict)}，应为 deploy: true。这几次运行的结果是 ${seen}。`,
      });
    },
  },
  {
    title: { en: 'Stops a build that hides its errors (exit 0 where a failure was due)', 'zh-cn': '拦下把错误藏起来的构建（该失败时退出码却是 0）' },
    async run(fn) {
      await expectStopped(fn, await runsOf(fn, 'swallows-errors'), { en: 'A build that catches its own errors', 'zh-cn': '自己吞掉错误的构建' }, 'bad');
    },
  },
  {
    title: { en: 'Stops a build that succeeds with the wrong result (exit 0, another total)', 'zh-cn': '拦下结果错误的构建（退出码 0，但合计不对）' },
    async run(fn) {
      await expectStopped(fn, await runsOf(fn, 'wrong-total'), { en: 'A build that forgets the quantities', 'zh-cn': '忘了乘以数量的构建' }, 'ok');
    },
  },
  {
    title: { en: 'Stops a build that fails for the wrong reason (exit 1, another errorType)', 'zh-cn': '拦下因为别的原因失败的构建（退出码 1，但 errorType 不对）' },
    async run(fn) {
      await expectStopped(fn, await runsOf(fn, 'wrong-error'), { en: 'A build whose slow order fails at once with a ReferenceError', 'zh-cn': '慢订单立刻以 ReferenceError 失败的构建' }, 'slow');
    },
  },
  {
    title: { en: 'Stops a build that does not compile (exit 2)', 'zh-cn': '拦下编译不通过的构建（退出码 2）' },
    async run(fn) {
      await expectStopped(fn, await runsOf(fn, 'missing-module'), { en: 'A build that does not compile', 'zh-cn': '编译不通过的构建' }, 'ok');
    },
  },
  {
    title: { en: 'Stops when a run could not start: exit 2 is not the failure a fixture expects', 'zh-cn': '运行没能启动时拦下：退出码 2 不是测试用例预期的那种失败' },
    async run(fn) {
      const misnamed = (name: RunName) => (name === 'bad' ? 'bad-order.json' : `${name}.json`);
      await expectStopped(fn, await runsOf(fn, 'order-total', misnamed), { en: 'The good build, with the bad order\'s fixture path misspelt in the CI job', 'zh-cn': '正常的构建，但 CI 任务里坏订单的测试用例路径写错了' }, 'bad');
    },
  },
]);
