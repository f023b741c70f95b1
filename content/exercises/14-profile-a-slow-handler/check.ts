import { deepEqual, defineChecks, expectOk, expectThat, show, type CheckedInvocation } from '../../../playground/workshop/check-api.ts';
import sample from './event.json' with { type: 'json' };

/** The catalogue's prices, as the task's CATALOGUE defines them: what every answer must still charge. */
const priceOf = (sku: string) => 500 + ((Number(sku.slice(4)) * 37) % 3_000);
const priced = (items: { sku: string; qty: number }[]) => {
  const lines = items.map(({ sku, qty }) => ({ sku, qty, cents: priceOf(sku) * qty }));
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.cents, 0) };
};

const BASKETS = [
  sample.items,
  [{ sku: 'SKU-0000', qty: 1 }],
  [{ sku: 'SKU-2500', qty: 4 }, { sku: 'SKU-0007', qty: 1 }, { sku: 'SKU-3333', qty: 2 }, { sku: 'SKU-0042', qty: 1 }],
];

const CPU_LIMIT_MS = 5;
const REQUESTS = 12;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export default defineChecks([
  {
    title: { en: 'Prices every basket exactly as before', 'zh-cn': '每个购物篮的计价结果和原来完全一样' },
    async run(fn) {
      for (const items of BASKETS) {
        const result = await fn.invoke({ items });
        expectOk(result);
        const expected = priced(items);
        expectThat(deepEqual(result.value, expected), {
          en: `For ${show(items)} the function returned ${show(result.value)}; before, it returned ${show(expected)}.`,
          'zh-cn': `购物篮 ${show(items)} 的返回值是 ${show(result.value)}；原来返回的是 ${show(expected)}。`,
        });
      }
    },
  },
  {
    title: { en: 'Still fails on an unknown SKU, with the same error', 'zh-cn': '遇到未知 SKU 时仍以同样的错误失败' },
    async run(fn) {
      const result = await fn.invoke({ items: [{ sku: 'SKU-0001', qty: 1 }, { sku: 'SKU-9999', qty: 1 }] });
      expectThat(!result.ok && result.error?.errorMessage.includes('unknown SKU SKU-9999') === true, {
        en: `A basket with SKU-9999, which is not in the catalogue, gave ${result.ok ? show(result.value) : `${result.error?.errorType}: ${result.error?.errorMessage}`}; it must fail with the error "unknown SKU SKU-9999".`,
        'zh-cn': `含有目录里没有的 SKU-9999 的购物篮得到了 ${result.ok ? show(result.value) : `${result.error?.errorType}: ${result.error?.errorMessage}`}；应当以错误 "unknown SKU SKU-9999" 失败。`,
      });
    },
  },
  {
    title: { en: `A warm request uses under ${CPU_LIMIT_MS} ms of CPU time (median)`, 'zh-cn': `热启动请求的 CPU 时间中位数低于 ${CPU_LIMIT_MS} 毫秒` },
    async run(fn) {
      const results: CheckedInvocation[] = [];
      for (let n = 0; n < REQUESTS; n += 1) results.push(await fn.invoke(sample));
      for (const result of results) expectOk(result);
      const measured = results.map((result) => fn.cpuTimeMs(result)).filter((ms): ms is number => ms !== undefined);
      expectThat(measured.length > 0, {
        en: 'No CPU time was measured. A browser gives no CPU time per worker, so this check runs on the command line only: npx hello-serverless check 14 ./index.ts',
        'zh-cn': '没有测到 CPU 时间。浏览器不提供每个 Worker 的 CPU 时间，所以这项检查只能在命令行里运行：npx hello-serverless check 14 ./index.ts',
      });
      const ms = median(measured);
      expectThat(ms < CPU_LIMIT_MS, {
        en: `The median warm request used ${ms.toFixed(1)} ms of CPU time (${measured.length} warm requests measured), over the ${CPU_LIMIT_MS} ms limit. Profile a warm request and look at the top of the table.`,
        'zh-cn': `热启动请求的 CPU 时间中位数是 ${ms.toFixed(1)} 毫秒（测了 ${measured.length} 个热启动请求），超过了 ${CPU_LIMIT_MS} 毫秒的上限。剖析一个热启动请求，看看表格最上面是什么。`,
      });
    },
  },
]);
