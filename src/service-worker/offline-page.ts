import { offlinePageStrings } from '../i18n/offline-page.ts';
import { withIsolationHeaders } from './isolation-headers.ts';

/**
 * What a reader gets, in the language of the URL they asked for, when the network is gone and the page was never
 * cached: a plain statement of what does work offline, with links there, instead of the browser's own error page.
 */
export function offlinePage(url: URL): Response {
  const chinese = url.pathname.startsWith('/zh-cn/');
  const strings = offlinePageStrings[chinese ? 'zh-cn' : 'en'];
  const base = chinese ? '/zh-cn/' : '/';
  const html = `<!doctype html>
<html lang="${chinese ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${strings.title} | Hello Serverless</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;max-width:36rem;margin:10vh auto;padding:0 1rem;color:#1f2937}a{color:#c2410c}@media (prefers-color-scheme:dark){body{background:#17181c;color:#e5e7eb}a{color:#fdba74}}</style></head>
<body><h1>${strings.title}</h1><p>${strings.explanation}</p><p><a href="${base}">${strings.home}</a> · <a href="${base}playground/">${strings.playground}</a></p></body>
</html>`;
  return withIsolationHeaders(new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
}
