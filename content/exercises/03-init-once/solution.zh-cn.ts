function loadMenu(): Promise<string[]> {
  console.log('loading menu');
  return new Promise((resolve) => setTimeout(() => resolve(['durian pizza', 'margherita', 'tiramisu']), 200));
}

// 在实例初始化时就开始加载；这个实例上的每个请求 await 的都是同一个 promise。
const menu = loadMenu();

export const main_handler = async (event: any) => {
  return { dishes: (await menu).length };
};
