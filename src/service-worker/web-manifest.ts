/**
 * The web app manifests that make the site installable: one per language, so an install from a Chinese page opens
 * the Chinese home page with a Chinese description. Icons are drawn from src/assets/logo.svg at build time
 * (install-assets.ts), so the logo has one source.
 */
export type SiteLocale = 'en' | 'zh-CN';

/** The orange of the logo's tile, for the title bar and the splash screen. */
export const THEME_COLOR = '#f97316';

export interface AppIcon {
  /** Path under the site root, without the leading slash. */
  file: string;
  size: number;
  /** `maskable` icons fill their square, so a launcher may crop them to its own shape. */
  purpose: 'any' | 'maskable';
}

export const APP_ICONS: readonly AppIcon[] = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
];

/** Where each language's manifest is served (a page links the one of its own language). */
export const MANIFEST_PATHS: Readonly<Record<SiteLocale, string>> = {
  en: '/manifest.webmanifest',
  'zh-CN': '/zh-cn/manifest.webmanifest',
};

const words: Readonly<Record<SiteLocale, { description: string; start: string; playground: string; playgroundName: string }>> = {
  en: {
    description: 'Learn serverless computing by doing it: concepts, the 2019 Shenzhen talks, a workshop and a FaaS playground that works offline.',
    start: '/',
    playground: '/playground/',
    playgroundName: 'Playground',
  },
  'zh-CN': {
    description: '动手学习 Serverless：概念、2019 年深圳的分享、动手实验，以及可以离线使用的 FaaS 演练场。',
    start: '/zh-cn/',
    playground: '/zh-cn/playground/',
    playgroundName: '演练场',
  },
};

export function webManifest(locale: SiteLocale): Record<string, unknown> {
  const own = words[locale];
  return {
    // One id for both languages: installing from either page is the same app, opened in the language it came from.
    id: '/',
    name: 'Hello Serverless',
    short_name: 'Hello Serverless',
    description: own.description,
    lang: locale,
    dir: 'ltr',
    start_url: own.start,
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: '#ffffff',
    icons: APP_ICONS.map((icon) => ({ src: `/${icon.file}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
    shortcuts: [{ name: own.playgroundName, url: own.playground }],
  };
}
