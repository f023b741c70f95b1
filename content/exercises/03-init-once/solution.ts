function loadMenu(): Promise<string[]> {
  console.log('loading menu');
  return new Promise((resolve) => setTimeout(() => resolve(['durian pizza', 'margherita', 'tiramisu']), 200));
}

// Started while the instance initialises; every request on this instance awaits the same promise.
const menu = loadMenu();

export const main_handler = async (event: any) => {
  return { dishes: (await menu).length };
};
