import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { APP_ICONS, MANIFEST_PATHS, THEME_COLOR } from './web-manifest.ts';

/** Starlight route middleware: each page links the web manifest of its own language, the theme colour and a touch icon. */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const manifest = route.lang.toLowerCase().startsWith('zh') ? MANIFEST_PATHS['zh-CN'] : MANIFEST_PATHS.en;
  const touchIcon = APP_ICONS.find((icon) => icon.purpose === 'any');
  route.head.push(
    { tag: 'link', attrs: { rel: 'manifest', href: manifest }, content: '' },
    { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, content: '' },
    ...(touchIcon ? [{ tag: 'link' as const, attrs: { rel: 'apple-touch-icon', href: `/${touchIcon.file}` }, content: '' }] : []),
  );
});
