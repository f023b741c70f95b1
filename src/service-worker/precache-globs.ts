/**
 * What the service worker precaches, relative to the built site's root: everything a visitor needs offline that
 * is not a docs page (those are cached as visited). The home and playground pages stand in for an app shell.
 */
export const PRECACHE_GLOBS: readonly string[] = [
  '_astro/**/*',
  'pagefind/**/*',
  'index.html',
  'zh-cn/index.html',
  'playground/index.html',
  'zh-cn/playground/index.html',
  '404.html',
  // The document a profiled copy of a function runs in (ProfileFrames), so Profile works offline too.
  'profile-frame.html',
  'favicon.svg',
  'icons/*.png',
  '**/manifest.webmanifest',
];
