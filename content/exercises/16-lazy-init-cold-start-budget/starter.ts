// The canteen's mini-program asks this function for the menu, hundreds of times a day. Once a month the manager asks
// it for a spreadsheet report, which needs a heavy spreadsheet kit. The kit is loaded at the top of the module, so
// every cold start pays for it, even the cold starts that only serve a menu.
// Keep the cold start small:
// - { "route": "menu", "store": ... } and { "route": "report", "month": ... } return what they return now.
// - A cold start that serves a menu stays within the budget: its Init Duration may exceed the worker start and the
//   code load by less than a quarter of the time the kit takes to load (the check measures both on the same run).
// - On one instance the kit is loaded ("loading spreadsheet kit" logged) at most once, however many reports it makes.
const DISHES = ['durian pizza', 'margherita', 'tiramisu'];

interface SpreadsheetKit {
  render(rows: string[][]): { cells: number; checksum: number };
}

// The heavy dependency: it builds its tables when it loads. Leave it as it is.
function loadSpreadsheetKit(): SpreadsheetKit {
  console.log('loading spreadsheet kit');
  const glyphs = new Float64Array(1 << 20);
  let seed = 2019;
  for (let round = 0; round < 2; round += 1) {
    for (let i = 0; i < glyphs.length; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      glyphs[i] = (glyphs[i]! + seed / 2147483648) % 1;
    }
  }
  return {
    render(rows) {
      let checksum = 0;
      for (const [index, cell] of rows.flat().entries()) checksum = (checksum + cell.length * glyphs[index]!) % 1000;
      return { cells: rows.flat().length, checksum: Math.round(checksum * 1000) / 1000 };
    },
  };
}

const kit = loadSpreadsheetKit();

type Request = { route: 'menu'; store: string } | { route: 'report'; month: string };

export const main_handler = async (event: Request) => {
  if (event.route === 'report') {
    const rows = DISHES.map((dish) => [event.month, dish, String(dish.length * 7)]);
    return { month: event.month, ...kit.render(rows) };
  }
  return { store: event.store, dishes: DISHES };
};
