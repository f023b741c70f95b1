/// <reference lib="webworker" />
/**
 * The site's one service worker (DESIGN.md: one script for offline and isolation, versioned with the build). It
 * makes the site work offline after a visit and adds the cross-origin-isolation headers to every response it
 * gives, from the network or from a cache, for static hosts that cannot send headers.
 *
 * - Precached at install (the build's manifest, integration.ts): every /_astro/ asset (the playground, Monaco,
 *   esbuild-wasm, the runtime, the workshop checks), the whole Pagefind index of both languages, the home and
 *   playground pages of both languages, the install icons and manifests.
 * - Docs pages: network first, cached as visited. Network first because a deployment changes page and hashed
 *   assets together: an online reader gets the page that matches the assets this worker precached, and the cached
 *   copy is only for when the network is gone. The cache is named after the build and dropped with it.
 * - esbuild's WebAssembly: from the network while it answers, because Chromium keeps the compiled code only of a
 *   module streamed from the network or the HTTP cache; the precached copy when the compiler asks for it.
 * - A page never opened, with no network: a short page in its language saying what works offline.
 * - A new build's worker waits until the page asks it to take over (the user's "Reload"; register.ts).
 */
import { clientsClaim } from 'workbox-core';
import { PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, Router } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { isolationPlugin } from './isolation-plugin.ts';
import { offlinePage } from './offline-page.ts';
import { NETWORK_WAIT_MS, PRECACHED_COPY_PARAM } from '../../playground/compiler/esbuild-wasm-module.ts';
import { PAGES_CACHE_PREFIX, SKIP_WAITING, pagesCacheName } from './cache-names.ts';

/** Set by the build (integration.ts): what to precache, with revisions, and a hash of it naming this build. */
declare const PRECACHE_MANIFEST: PrecacheEntry[];
declare const BUILD_VERSION: string;

const scope = self as unknown as ServiceWorkerGlobalScope;
const pagesCache = pagesCacheName(BUILD_VERSION);

const precache = new PrecacheController({ plugins: [isolationPlugin] });
precache.precache(PRECACHE_MANIFEST);

const router = new Router();
// Pagefind asks for its entry file with a cache-busting `?ts=`; the precached copy is the one of this build.
router.registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/^ts$/, new RegExp(`^${PRECACHED_COPY_PARAM}$`)] }));
// A connection that hangs rather than fails (a train's Wi-Fi) falls back to the cached page after a few seconds.
router.registerRoute(new NavigationRoute(new NetworkFirst({ cacheName: pagesCache, networkTimeoutSeconds: NETWORK_WAIT_MS / 1000, plugins: [isolationPlugin] })));
router.setDefaultHandler(new NetworkOnly({ plugins: [isolationPlugin] }));
// No network and no cached copy: a page that says so and links to what works offline; other requests just fail.
router.setCatchHandler(async ({ request }) => (request.mode === 'navigate' ? offlinePage(new URL(request.url)) : Response.error()));

clientsClaim();

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(PAGES_CACHE_PREFIX) && name !== pagesCache).map((name) => caches.delete(name)))),
  );
});

scope.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  // esbuild's wasm streams from the network, where Chromium keeps its compiled code; the compiler asks for the
  // precached copy when the network does not answer (esbuild-wasm-module.ts).
  if (url.pathname.endsWith('.wasm') && !url.searchParams.has(PRECACHED_COPY_PARAM)) return;
  // Chromium refuses this combination from a service worker's fetch (it throws), so leave such requests alone.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const response = router.handleRequest({ event, request });
  if (response) event.respondWith(response);
});
