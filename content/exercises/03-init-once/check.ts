import { defineChecks, expectOk, expectThat, show } from '../../../playground/workshop/check-api.ts';

export default defineChecks([
  {
    title: { en: 'Still returns the number of dishes', 'zh-cn': '仍然返回菜品数量' },
    async run(fn) {
      const result = await fn.invoke({ table: 7 });
      expectOk(result);
      expectThat((result.value as { dishes?: unknown })?.dishes === 3, {
        en: `Returned ${show(result.value)}, expected {"dishes":3}.`,
        'zh-cn': `返回了 ${show(result.value)}，应为 {"dishes":3}。`,
      });
    },
  },
  {
    title: { en: 'Warm requests do not load the menu again', 'zh-cn': '热启动的请求不再重新加载菜单' },
    async run(fn) {
      const results = [];
      for (let table = 1; table <= 5; table += 1) results.push(await fn.invoke({ table }));
      const warm = results.filter((result) => !result.cold);
      expectThat(warm.length > 0, {
        en: 'None of five requests in a row reused an instance, so reuse could not be checked.',
        'zh-cn': '连续五个请求都没有复用实例，无法检查复用情况。',
      });
      const reloaded = warm.filter((result) => result.logs.some((line) => line.includes('loading menu')));
      expectThat(reloaded.length === 0, {
        en: `${reloaded.length} of ${warm.length} warm requests logged "loading menu": the load still runs inside the handler.`,
        'zh-cn': `${warm.length} 个热启动请求中有 ${reloaded.length} 个打印了 "loading menu"：加载仍然发生在执行方法内部。`,
      });
    },
  },
]);
