import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The variable the e2e and bench builds set to get the test pages; a build for people (`npm start`, a deployment) has none. */
export const TEST_PAGES_VARIABLE = 'HS_TEST_PAGES';

/** Route → page file (this folder's files start with `_`, so Astro routes none of them by itself). */
export const TEST_PAGES: Readonly<Record<string, string>> = {
  '/dev/engine-harness': '_engine-harness.astro',
};

/** Adds the test pages to the build when `HS_TEST_PAGES=1`. */
export function testPages(env: Readonly<Record<string, string | undefined>> = process.env): AstroIntegration {
  return {
    name: 'hello-serverless:test-pages',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (env[TEST_PAGES_VARIABLE] !== '1') return;
        for (const [pattern, file] of Object.entries(TEST_PAGES)) {
          injectRoute({ pattern, entrypoint: fileURLToPath(new URL(`./${file}`, import.meta.url)), prerender: true });
        }
      },
    },
  };
}
