import { deepEqual, defineChecks, expectOk, expectThat, show, type CheckedInvocation, type Harness } from '../../../playground/workshop/check-api.ts';

const DISHES = ['durian pizza', 'margherita', 'tiramisu'];
const MENU = { route: 'menu', store: 'SZ-01' };
const REPORTS = [
  { route: 'report', month: '2019-06' },
  { route: 'report', month: '2019-07' },
];
const expectedMenu = { store: 'SZ-01', dishes: DISHES };
const expectedReport = (month: string) => ({ month, cells: 9, checksum: 25.357 });
const KIT_LOG = 'loading spreadsheet kit';
/** Your init may take at most this share of the kit's own load time. */
const BUDGET_SHARE = 0.25;

interface Visit {
  /** A menu on a new instance (cold), two reports and a menu on the same instance, in that order. */
  menuCold: CheckedInvocation;
  reports: CheckedInvocation[];
  menuWarm: CheckedInvocation;
}

const visits = new WeakMap<Harness, Promise<Visit>>();
/** The three checks judge the same four requests, made once per check run. */
function visit(fn: Harness): Promise<Visit> {
  let run = visits.get(fn);
  if (!run) {
    run = (async () => {
      const menuCold = await fn.invoke(MENU);
      const reports = [await fn.invoke(REPORTS[0]), await fn.invoke(REPORTS[1])];
      const menuWarm = await fn.invoke(MENU);
      return { menuCold, reports, menuWarm };
    })();
    visits.set(fn, run);
  }
  return run;
}

const loads = (result: CheckedInvocation) => result.logs.filter((line) => line.includes(KIT_LOG)).length;
const ms = (value: number) => `${value.toFixed(1)} ms`;

export default defineChecks([
  {
    title: { en: 'The menu and the report answer as before', 'zh-cn': '菜单和报表的返回值和原来一样' },
    async run(fn) {
      const { menuCold, reports, menuWarm } = await visit(fn);
      for (const [result, expected] of [
        [menuCold, expectedMenu],
        [reports[0]!, expectedReport('2019-06')],
        [reports[1]!, expectedReport('2019-07')],
        [menuWarm, expectedMenu],
      ] as const) {
        expectOk(result);
        expectThat(deepEqual(result.value, expected), {
          en: `Returned ${show(result.value)}; it returned ${show(expected)} before.`,
          'zh-cn': `返回了 ${show(result.value)}；原来返回的是 ${show(expected)}。`,
        });
      }
    },
  },
  {
    title: {
      en: `A menu's cold start stays within the budget: your init under ${BUDGET_SHARE * 100} % of the kit's load time`,
      'zh-cn': `只要菜单的冷启动守住预算：你的初始化不到套件加载时间的 ${BUDGET_SHARE * 100}%`,
    },
    async run(fn) {
      const { menuCold, reports } = await visit(fn);
      const init = menuCold.init;
      expectThat(init !== undefined, {
        en: 'The first request did not start a new instance, so there is no cold start to measure.',
        'zh-cn': '第一个请求没有启动新实例，没有冷启动可以测量。',
      });
      // The kit's cost as this run measured it: wherever the answer loads it, it is the longest of these.
      const kitMs = Math.max(init.yourInitMs, ...reports.map((report) => report.durationMs));
      const budgetMs = kitMs * BUDGET_SHARE;
      const fixedMs = init.durationMs - init.yourInitMs;
      expectThat(init.yourInitMs < budgetMs, {
        en: `The menu's cold start had an Init Duration of ${ms(init.durationMs)}: worker start and code load ${ms(fixedMs)}, your init ${ms(init.yourInitMs)}. Loading the kit took about ${ms(kitMs)} on this run, so your init must stay under ${ms(budgetMs)}. A request for the menu should not wait for the spreadsheet kit.`,
        'zh-cn': `菜单请求的冷启动 Init Duration 为 ${ms(init.durationMs)}：Worker 启动和代码加载 ${ms(fixedMs)}，你的初始化 ${ms(init.yourInitMs)}。本次运行加载套件约需 ${ms(kitMs)}，所以你的初始化应少于 ${ms(budgetMs)}。请求菜单时不该等待表格套件加载。`,
      });
    },
  },
  {
    title: { en: 'The kit loads at most once per instance, and never for a menu', 'zh-cn': '每个实例最多加载一次套件，请求菜单时从不加载' },
    async run(fn) {
      const visited = await visit(fn);
      const all = [visited.menuCold, ...visited.reports, visited.menuWarm];
      const instances = new Set(all.map((result) => result.instanceId));
      expectThat(instances.size === 1, {
        en: `Four requests in a row ran on ${instances.size} instances; they should share one (did an instance crash?).`,
        'zh-cn': `连续四个请求用了 ${instances.size} 个实例，本应共用一个（是不是有实例崩溃了？）。`,
      });
      const total = all.reduce((sum, result) => sum + loads(result), 0);
      expectThat(total <= 1, {
        en: `On one instance, two reports and two menus logged "${KIT_LOG}" ${total} times: keep the kit once it is loaded, for the instance's later reports.`,
        'zh-cn': `同一个实例上两次报表、两次菜单共打印了 ${total} 次 "${KIT_LOG}"：套件加载一次后就留着，给这个实例之后的报表用。`,
      });
      expectThat(loads(visited.menuCold) + loads(visited.menuWarm) === 0, {
        en: `A menu request logged "${KIT_LOG}" (on its cold start or in its handler): only a report needs the kit.`,
        'zh-cn': `菜单请求打印了 "${KIT_LOG}"（在冷启动时或执行方法里）：只有报表才需要套件。`,
      });
    },
  },
]);
