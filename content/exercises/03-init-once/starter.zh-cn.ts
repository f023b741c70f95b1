// 每个请求都要从一个很慢的“数据库”加载菜单（200 ms），哪怕这个实例刚刚才加载过。
// 改成每个实例只加载一次：热请求必须复用实例里已有的菜单。
function loadMenu(): Promise<string[]> {
  console.log('loading menu');
  return new Promise((resolve) => setTimeout(() => resolve(['durian pizza', 'margherita', 'tiramisu']), 200));
}

export const main_handler = async (event: any) => {
  const menu = await loadMenu();
  return { dishes: menu.length };
};
