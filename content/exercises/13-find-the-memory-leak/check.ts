import { deepEqual, defineChecks, expectOk, expectThat, show, type CheckedInvocation, type Harness, type MemoryFigure } from '../../../playground/workshop/check-api.ts';

const STORES = ['SZ-01', 'SZ-02', 'GZ-05', 'SH-03', 'BJ-02'];
const LANGS = ['en', 'zh-cn'];
/** The page requests cycle through: five stores in two languages. */
const PAGES = STORES.flatMap((store) => LANGS.map((lang) => ({ store, lang })));
const expectedFor = (page: { store: string; lang: string }) => ({ ...page, dishes: 6, size: 50_000 });

const REQUESTS = 2_000;
/** The function's memory setting, exercise.json's `memoryMb`. */
const MEMORY_SETTING_MB = 128;
const MEMORY_LIMIT_MB = 32;
const MB = 1024 * 1024;
/** A browser measures a worker's memory only about every 20 s; the CLI's figure is there as the request ends. */
const MEMORY_WAIT_MS = 45_000;

interface LongRun {
  /** The first request that did not succeed, with its number, if any. */
  failed?: { index: number; result: CheckedInvocation };
  last?: CheckedInvocation;
  instances: Set<string>;
}

// Two checks judge the same 2,000 requests, made once per check run (every run gets a fresh harness).
const longRuns = new WeakMap<Harness, Promise<LongRun>>();
function runLong(fn: Harness): Promise<LongRun> {
  let run = longRuns.get(fn);
  if (!run) {
    run = (async () => {
      const instances = new Set<string>();
      let last: CheckedInvocation | undefined;
      for (let index = 0; index < REQUESTS; index += 1) {
        const result = await fn.invoke(PAGES[index % PAGES.length]);
        instances.add(result.instanceId);
        if (!result.ok) return { failed: { index, result }, instances };
        last = result;
      }
      return last ? { last, instances } : { instances };
    })();
    longRuns.set(fn, run);
  }
  return run;
}

// A host measures an instance's memory only from time to time (a browser about every 20 s), so an instance can serve
// all 2,000 requests past its memory setting before the figure that gets it stopped arrives: both checks read it.
const figuresAfter = new WeakMap<Harness, Promise<MemoryFigure | undefined>>();
function figureAfterLongRun(fn: Harness): Promise<MemoryFigure | undefined> {
  let figure = figuresAfter.get(fn);
  if (!figure) {
    figure = runLong(fn).then((run) => (run.last ? fn.memoryAfter(run.last, MEMORY_WAIT_MS) : undefined));
    figuresAfter.set(fn, figure);
  }
  return figure;
}

export default defineChecks([
  {
    title: { en: 'Returns the same page details as before', 'zh-cn': '返回的页面信息和原来一样' },
    async run(fn) {
      for (const page of PAGES.slice(0, 4)) {
        const result = await fn.invoke(page);
        expectOk(result);
        const expected = expectedFor(page);
        expectThat(deepEqual(result.value, expected), {
          en: `For ${show(page)} the function returned ${show(result.value)}; it returned ${show(expected)} before the fix.`,
          'zh-cn': `请求 ${show(page)} 时函数返回了 ${show(result.value)}；修改之前返回的是 ${show(expected)}。`,
        });
      }
    },
  },
  {
    title: { en: 'Renders each page once per instance: the cache still works', 'zh-cn': '每个实例上每个页面只渲染一次：缓存仍然有效' },
    async run(fn) {
      const results: CheckedInvocation[] = [];
      for (let round = 0; round < 3; round += 1) {
        for (const page of PAGES.slice(0, 3)) results.push(await fn.invoke(page));
      }
      for (const result of results) expectOk(result);
      const renders = new Map<string, number>();
      for (const result of results) {
        const rendered = result.logs.filter((line) => line.includes('rendering')).length;
        renders.set(result.instanceId, (renders.get(result.instanceId) ?? 0) + rendered);
      }
      const instances = renders.size;
      const total = [...renders.values()].reduce((sum, count) => sum + count, 0);
      expectThat(total <= 3 * instances, {
        en: `9 requests for 3 pages logged "rendering" ${total} times on ${instances} instance(s); each page should be rendered once per instance and then come from the cache.`,
        'zh-cn': `请求 3 个页面共 9 次，在 ${instances} 个实例上打印了 ${total} 次 "rendering"；每个页面在一个实例上应只渲染一次，之后从缓存里取。`,
      });
    },
  },
  {
    title: { en: `Serves ${REQUESTS.toLocaleString('en')} requests in a row at ${MEMORY_SETTING_MB} MB without running out of memory`, 'zh-cn': `以 ${MEMORY_SETTING_MB} MB 内存连续处理 ${REQUESTS.toLocaleString('en')} 个请求，不发生内存超限` },
    async run(fn) {
      const run = await runLong(fn);
      const failed = run.failed;
      expectThat(failed === undefined, {
        en: failed
          ? `Request ${failed.index + 1} of 2,000 failed (${failed.result.status}): ${failed.result.error?.errorType}: ${failed.result.error?.errorMessage}. ${failed.result.status === 'oom' ? 'The instance held more memory after every request until the platform killed it; the next request would start a new instance, cold.' : ''}`
          : '',
        'zh-cn': failed
          ? `2,000 个请求中的第 ${failed.index + 1} 个失败了（${failed.result.status}）：${failed.result.error?.errorType}: ${failed.result.error?.errorMessage}。${failed.result.status === 'oom' ? '实例每处理一个请求占用的内存就多一些，直到被平台杀掉；下一个请求只能冷启动一个新实例。' : ''}`
          : '',
      });
      const figure = await figureAfterLongRun(fn);
      const over = figure !== undefined && (figure.stoppedForMemory === true || figure.bytes > MEMORY_SETTING_MB * MB);
      const mb = figure ? Math.round(figure.bytes / MB) : 0;
      expectThat(!over, {
        en: `All 2,000 requests returned, but the instance held ${mb} MB as they ended, over its ${MEMORY_SETTING_MB} MB setting, and the platform stopped it for that. Its memory is measured only from time to time (in a browser about every 20 s), so here the figure came after the requests; on a real platform, and in the CLI (npx hello-serverless check 13 ./index.ts), the request that goes past ${MEMORY_SETTING_MB} MB fails.`,
        'zh-cn': `2,000 个请求都返回了，但它们结束时实例占用了 ${mb} MB，超出了 ${MEMORY_SETTING_MB} MB 的内存设置，平台因此停止了这个实例。实例的内存只能隔一段时间测一次（在浏览器里大约每 20 秒一次），所以这里的读数在请求之后才到；在真实平台上和命令行里（npx hello-serverless check 13 ./index.ts），超过 ${MEMORY_SETTING_MB} MB 的那个请求就会失败。`,
      });
    },
  },
  {
    title: { en: `Keeps the instance's memory below ${MEMORY_LIMIT_MB} MB after them`, 'zh-cn': `之后实例的内存低于 ${MEMORY_LIMIT_MB} MB` },
    async run(fn) {
      const run = await runLong(fn);
      const last = run.last;
      expectThat(last !== undefined, {
        en: `The 2,000 requests did not all succeed (see the check above), so there is no instance whose memory could be read after them.`,
        'zh-cn': `2,000 个请求没有全部成功（见上一项检查），所以没有一个处理完它们的实例可供读取内存。`,
      });
      const figure = await figureAfterLongRun(fn);
      expectThat(figure !== undefined, {
        en: `No memory figure of the instance arrived within ${MEMORY_WAIT_MS / 1000} s. A browser measures a worker's memory only on a cross-origin isolated page, and only Chromium does: reload the page and run the checks again (your code is saved), or run them on your machine: npx hello-serverless check 13 ./index.ts`,
        'zh-cn': `${MEMORY_WAIT_MS / 1000} 秒内没有收到实例的内存读数。浏览器只有在跨源隔离的页面上才能测量 Worker 的内存，而且只有 Chromium 可以：请刷新页面后再运行一次检查（代码已保存），或者在本机运行：npx hello-serverless check 13 ./index.ts`,
      });
      const mb = Math.round(figure.bytes / MB);
      const stopped = figure.stoppedForMemory
        ? { en: ' That figure was measured as they ended, and the platform then stopped the instance for going over its memory setting.', 'zh-cn': '这个读数是在这些请求结束时测得的，平台随后因实例超出内存设置而停止了它。' }
        : { en: '', 'zh-cn': '' };
      expectThat(figure.bytes < MEMORY_LIMIT_MB * MB, {
        en: `After 2,000 requests the instance held ${mb} MB.${stopped.en} Ten different pages of about 400 KB each fit in 4 MB: something is still kept for every request.`,
        'zh-cn': `处理完 2,000 个请求后，实例占用了 ${mb} MB。${stopped['zh-cn']}十个不同的页面、每个约 400 KB，4 MB 就放得下：仍有东西在为每个请求留存。`,
      });
    },
  },
]);
