const DISHES = ['durian pizza', 'margherita', 'tiramisu', 'calzone', 'focaccia', 'panna cotta'];

interface Page {
  store: string;
  lang: string;
  dishes: number;
  html: number[];
}

function renderMenu(store: string, lang: string): Page {
  console.log(`rendering ${store} menu (${lang})`);
  return { store, lang, dishes: DISHES.length, html: new Array<number>(50_000).fill(store.length + lang.length + 0.5) };
}

// Keyed by what the page depends on, not by the request: a few stores in two languages make a handful of entries,
// however many requests arrive. A cache whose key can be anything also needs a size limit.
const MAX_PAGES = 50;
const pages = new Map<string, Page>();

export const main_handler = async (event: { store: string; lang: string }) => {
  const key = `${event.store}/${event.lang}`;
  let page = pages.get(key);
  if (!page) {
    page = renderMenu(event.store, event.lang);
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
    pages.set(key, page);
  }
  return { store: page.store, lang: page.lang, dishes: page.dishes, size: page.html.length };
};
