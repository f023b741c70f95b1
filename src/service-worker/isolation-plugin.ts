import type { WorkboxPlugin } from 'workbox-core/types.js';
import { withIsolationHeaders } from './isolation-headers.ts';

/** Gives every response a Workbox strategy hands to the page the isolation headers, whether it came from the network or a cache. */
export const isolationPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withIsolationHeaders(response),
};
