/// <reference lib="webworker" />
/**
 * The site's one service worker (DESIGN.md: one script for offline and isolation, versioned with the build). Today
 * it only adds the cross-origin-isolation headers to what the site's own host serves, for static hosts that cannot
 * send headers; the offline cache is to join it here. A page it controls from its first load is isolated.
 */
import { withIsolationHeaders } from './isolation-headers.ts';

const scope = self as unknown as ServiceWorkerGlobalScope;

scope.addEventListener('install', () => void scope.skipWaiting());
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (new URL(request.url).origin !== scope.location.origin) return;
  // Chromium refuses this combination from a service worker's fetch (it throws), so leave such requests alone.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(fetch(request).then(withIsolationHeaders));
});
