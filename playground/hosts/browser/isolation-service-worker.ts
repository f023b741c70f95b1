/** Where the built site serves its service worker (src/service-worker/sw.ts): the root, so it can control every page. */
export const SERVICE_WORKER_PATH = '/sw.js';

let registering: Promise<void> | undefined;

/**
 * On a page its host served without the cross-origin-isolation headers, registers the site's service worker,
 * which adds them: from the next page load on, instance memory is measured. The page is not reloaded under the
 * user's work. An isolated page needs nothing; a browser without service workers (or the dev server, which has no
 * /sw.js) just stays unmeasured, as the host says.
 */
export function registerIsolationServiceWorker(): Promise<void> {
  if (globalThis.crossOriginIsolated || !('serviceWorker' in navigator) || !globalThis.isSecureContext || import.meta.env.DEV) return Promise.resolve();
  registering ??= navigator.serviceWorker.register(SERVICE_WORKER_PATH).then(() => undefined, () => undefined);
  return registering;
}
