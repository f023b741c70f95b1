/** Where the built site serves its one service worker (sw.ts): the root, so it can control every page. */
export const SERVICE_WORKER_PATH = '/sw.js';
