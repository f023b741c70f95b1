import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import { SERVICE_WORKER_PATH } from './sw-path.ts';
import { writeInstallAssets } from './install-assets.ts';
import { PRECACHE_GLOBS } from './precache-globs.ts';

/**
 * The site's service worker and what makes the site installable: adds register.ts to every page, and after the
 * build writes the icons and manifests, lists what to precache (workbox-build's getManifest: a revision per file,
 * none for Vite's content-hashed /_astro/ names) and builds src/service-worker/sw.ts with that list into the site's
 * root as one classic script. Vite would give the worker a hashed path under /_astro/, and a service worker's scope
 * cannot reach above its own folder.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'hello-serverless:service-worker',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('./register.ts', import.meta.url)))};`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        await writeInstallAssets(root);
        const { manifestEntries, size, warnings } = await getManifest({
          globDirectory: root,
          globPatterns: [...PRECACHE_GLOBS],
          // esbuild.wasm (~14 MB) and Monaco's TypeScript worker (~7 MB) are the playground: they must be precached.
          maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
          dontCacheBustURLsMatching: /^_astro\//,
        });
        for (const warning of warnings) logger.warn(warning);
        const entries = manifestEntries ?? [];
        const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
        logger.info(`precache: ${entries.length} files, ${(size / 1024 / 1024).toFixed(1)} MB, build ${version}`);
        await build({
          entryPoints: [fileURLToPath(new URL('./sw.ts', import.meta.url))],
          outfile: fileURLToPath(new URL(`.${SERVICE_WORKER_PATH}`, dir)),
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'es2022',
          logLevel: 'warning',
          define: {
            PRECACHE_MANIFEST: JSON.stringify(entries),
            BUILD_VERSION: JSON.stringify(version),
            // Workbox logs each routing decision unless it is built for production.
            'process.env.NODE_ENV': '"production"',
          },
        });
      },
    },
  };
}
