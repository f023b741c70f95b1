import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { SERVICE_WORKER_PATH } from '../../playground/hosts/browser/isolation-service-worker.ts';

/**
 * Builds src/service-worker/sw.ts into the site's root as one classic script. Vite would give it a hashed path
 * under /_astro/, and a service worker's scope cannot reach above its own folder.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'hello-serverless:service-worker',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await build({
          entryPoints: [fileURLToPath(new URL('./sw.ts', import.meta.url))],
          outfile: fileURLToPath(new URL(`.${SERVICE_WORKER_PATH}`, dir)),
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'es2022',
          logLevel: 'warning',
        });
      },
    },
  };
}
