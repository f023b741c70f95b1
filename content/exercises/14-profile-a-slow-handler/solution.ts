interface CatalogueItem {
  sku: string;
  name: string;
  priceCents: number;
  tags: string[];
}

const CATALOGUE: CatalogueItem[] = Array.from({ length: 5_000 }, (_, i) => ({
  sku: `SKU-${String(i).padStart(4, '0')}`,
  name: `dish ${i}`,
  priceCents: 500 + ((i * 37) % 3_000),
  tags: i % 3 === 0 ? ['spicy', 'new'] : ['classic'],
}));

// The profile put nearly all the time in catalogue(): a JSON round trip of 5,000 items for every item priced. Only
// the prices are needed, and a number cannot be changed through a lookup, so build the index once, at init.
const PRICES = new Map(CATALOGUE.map((item) => [item.sku, item.priceCents]));

function priceOf(sku: string): number {
  const cents = PRICES.get(sku);
  if (cents === undefined) throw new Error(`unknown SKU ${sku}`);
  return cents;
}

export const main_handler = async (event: { items: { sku: string; qty: number }[] }) => {
  const lines = event.items.map(({ sku, qty }) => ({ sku, qty, cents: priceOf(sku) * qty }));
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.cents, 0) };
};
