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

// 按页面取决于什么来做键，而不是按请求：几家门店、两种语言，不管来多少请求，也只有寥寥几条。
// 如果键可以是任意值，缓存还需要一个容量上限。
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
