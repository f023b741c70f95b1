/** Follows Starlight's theme (the data-theme attribute on <html>), calling back now and on every change. */
export function watchSiteTheme(apply: (theme: 'light' | 'dark') => void): () => void {
  const root = document.documentElement;
  const read = () => apply(root.dataset.theme === 'light' ? 'light' : 'dark');
  read();
  const observer = new MutationObserver(read);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
