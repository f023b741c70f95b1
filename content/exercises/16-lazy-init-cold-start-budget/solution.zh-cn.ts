const DISHES = ['durian pizza', 'margherita', 'tiramisu'];

interface SpreadsheetKit {
  render(rows: string[][]): { cells: number; checksum: number };
}

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

// 由第一个需要它的请求加载，之后留给这个实例后面的请求：只返回菜单的冷启动不再为它买单，
// 只有每个实例上的第一份报表要等它加载。
let kit: SpreadsheetKit | undefined;
function spreadsheetKit(): SpreadsheetKit {
  kit ??= loadSpreadsheetKit();
  return kit;
}

type Request = { route: 'menu'; store: string } | { route: 'report'; month: string };

export const main_handler = async (event: Request) => {
  if (event.route === 'report') {
    const rows = DISHES.map((dish) => [event.month, dish, String(dish.length * 7)]);
    return { month: event.month, ...spreadsheetKit().render(rows) };
  }
  return { store: event.store, dishes: DISHES };
};
