// Every request loads the menu from a slow "database" (200 ms), even on an instance that loaded it a moment ago.
// Make the load happen once per instance: warm requests must reuse the menu the instance already has.
function loadMenu(): Promise<string[]> {
  console.log('loading menu');
  return new Promise((resolve) => setTimeout(() => resolve(['durian pizza', 'margherita', 'tiramisu']), 200));
}

export const main_handler = async (event: any) => {
  const menu = await loadMenu();
  return { dishes: menu.length };
};
