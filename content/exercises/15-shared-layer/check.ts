import { deepEqual, defineChecks, expectOk, expectThat, show, type Harness } from '../../../playground/workshop/check-api.ts';

/** The restaurant's layer, as two published versions; both functions bind it and find it at /opt/nodejs/menu-format.js. */
const LAYER_V1 = {
  'nodejs/menu-format.js': [
    'exports.formatPrice = (cents) => `¥${(cents / 100).toFixed(2)}`;',
    'exports.dishLine = (dish) => `${dish.qty} × ${dish.name}`;',
  ].join('\n'),
};
/** Version 2 changes both formats, as a shared fix would: the price in yuan after the figure, the count after the dish. */
const LAYER_V2 = {
  'nodejs/menu-format.js': [
    'exports.formatPrice = (cents) => `${(cents / 100).toFixed(2)} 元`;',
    'exports.dishLine = (dish) => `${dish.name} ×${dish.qty}`;',
  ].join('\n'),
};

const ORDER = { table: 12, dishes: [{ name: 'Mapo tofu', qty: 2, priceCents: 2800 }, { name: 'Rice', qty: 3, priceCents: 200 }] };

const EXPECTED = {
  v1: {
    receipt: { table: 12, lines: ['2 × Mapo tofu  ¥56.00', '3 × Rice  ¥6.00'], total: '¥62.00' },
    ticket: { table: 12, lines: ['2 × Mapo tofu', '3 × Rice'] },
  },
  v2: {
    receipt: { table: 12, lines: ['Mapo tofu ×2  56.00 元', 'Rice ×3  6.00 元'], total: '62.00 元' },
    ticket: { table: 12, lines: ['Mapo tofu ×2', 'Rice ×3'] },
  },
};

const FUNCTIONS = [
  { name: 'receipt', exportName: 'receipt' },
  { name: 'ticket', exportName: 'ticket' },
] as const;

async function bindAndCompare(harness: Harness, layer: Record<string, string>, version: 'v1' | 'v2'): Promise<void> {
  for (const fn of FUNCTIONS) harness.deployFunction(fn.name, fn.exportName, layer);
  for (const fn of FUNCTIONS) {
    const result = await harness.invokeFunction(fn.name, ORDER);
    expectOk(result);
    const expected = EXPECTED[version][fn.name];
    const copied = version === 'v2' && deepEqual(result.value, EXPECTED.v1[fn.name]);
    expectThat(deepEqual(result.value, expected), copied
      ? {
          en: `After layer version 2 was bound, the ${fn.name} function still answered as with version 1: ${show(result.value)}. Its bundle carries its own copy of the helpers; import them from /opt/nodejs/menu-format instead.`,
          'zh-cn': `绑定层的第 2 版之后，${fn.name} 函数的回答仍与第 1 版相同：${show(result.value)}。它的代码包里带着自己的一份辅助函数；请改为从 /opt/nodejs/menu-format 导入。`,
        }
      : {
          en: `With layer ${version}, the ${fn.name} function returned ${show(result.value)}; expected ${show(expected)}.`,
          'zh-cn': `在层的 ${version} 下，${fn.name} 函数返回了 ${show(result.value)}；应为 ${show(expected)}。`,
        });
  }
}

export default defineChecks([
  {
    title: {
      en: 'Both functions (receipt and ticket) answer the order correctly with layer version 1 at /opt',
      'zh-cn': '挂载第 1 版层（/opt）时，两个函数（receipt 与 ticket）都正确处理订单',
    },
    run: (harness) => bindAndCompare(harness, LAYER_V1, 'v1'),
  },
  {
    title: {
      en: 'A new layer version reaches both functions without redeploying their code',
      'zh-cn': '层的新版本无需重新部署代码即可到达两个函数',
    },
    async run(harness) {
      await bindAndCompare(harness, LAYER_V1, 'v1');
      await bindAndCompare(harness, LAYER_V2, 'v2');
    },
  },
]);
