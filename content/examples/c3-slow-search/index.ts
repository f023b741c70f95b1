// A menu search that is slow for one reason. It compares the query with every
// dish name by edit distance, and editDistance allocates a full table for each
// pair. A profile puts most of the time there and on the line that calls it.
const dishes: string[] = [];
const words = ['spicy', 'braised', 'pork', 'tofu', 'noodles', 'beef', 'rice', 'crispy', 'duck', 'soup'];
for (let i = 0; i < 10_000; i++) {
  dishes.push(`${words[i % 10]} ${words[(i * 7) % 10]} ${words[(i * 3 + 1) % 10]} no.${i}`);
}

// The classic dynamic-programming table: (a.length + 1) × (b.length + 1) cells.
function editDistance(a: string, b: string): number {
  const table: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    table.push([i]);
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = i === 0
        ? j
        : Math.min(
          table[i - 1]![j]! + 1,
          table[i]![j - 1]! + 1,
          table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
    }
  }
  return table[a.length]![b.length]!;
}

function closest(query: string, limit: number): Array<{ dish: string; distance: number }> {
  return dishes
    .map((dish) => ({ dish, distance: editDistance(query, dish) }))
    .sort((x, y) => x.distance - y.distance)
    .slice(0, limit);
}

export const main_handler = async (event: { query?: string; limit?: number }) => {
  const started = Date.now();
  const matches = closest(event.query ?? 'spicy tofu', event.limit ?? 3);
  const wallMs = Date.now() - started;
  console.log(`searched ${dishes.length} dishes in ${wallMs} ms`);
  return { matches, wallMs };
};
