/** What the service worker and the page that registers it agree on. */

/** The message workbox-window's `messageSkipWaiting()` sends: the user chose to load the new version. */
export const SKIP_WAITING = 'SKIP_WAITING';

/** Visited docs pages are cached per build, so a new build's pages never mix with the old build's assets. */
export const PAGES_CACHE_PREFIX = 'hs-pages-';

export function pagesCacheName(buildVersion: string): string {
  return `${PAGES_CACHE_PREFIX}${buildVersion}`;
}
