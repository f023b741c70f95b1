/**
 * Runs on every page of the built site (integration.ts injects it): registers the service worker once the page
 * has settled (when-settled.ts), so its precaching never competes with the page's own start, and when a new
 * build's worker is waiting, says so and loads the new version only when the user asks. `astro dev` has no /sw.js
 * and serves modules that change on every save, so it is left without a worker.
 */
import { Workbox } from 'workbox-window';
import { SERVICE_WORKER_PATH } from './sw-path.ts';
import { siteUpdateStrings } from '../i18n/site-update.ts';
import { showUpdatePrompt } from './update-prompt.ts';
import { whenSettled } from './when-settled.ts';

if (!import.meta.env.DEV && 'serviceWorker' in navigator && isSecureContext) {
  const workbox = new Workbox(SERVICE_WORKER_PATH);
  workbox.addEventListener('waiting', () => {
    const strings = siteUpdateStrings[document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en'];
    showUpdatePrompt(strings, () => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    });
  });
  whenSettled(() => void workbox.register().catch(() => undefined));
}
