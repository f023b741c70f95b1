/**
 * The browser engine's test page ships only in the builds that ask for it (e2e, bench): `npm start` and a
 * deployment serve a dist/ without /dev/. Checked on the integration that adds the page and on the folder it lives
 * in, rather than by a second full site build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TEST_PAGES, TEST_PAGES_VARIABLE, testPages } from '../../../src/pages/dev/_test-pages.ts';

interface InjectedRoute {
  pattern: string;
  entrypoint: string | URL;
}

/** The routes the integration adds in Astro's config setup, given the environment of the build. */
function injectedRoutes(env: Record<string, string | undefined>): InjectedRoute[] {
  const routes: InjectedRoute[] = [];
  const setup = testPages(env).hooks['astro:config:setup'] as (options: { injectRoute: (route: InjectedRoute) => void }) => void;
  setup({ injectRoute: (route) => routes.push(route) });
  return routes;
}

describe('test pages', () => {
  test('a build without HS_TEST_PAGES=1 has no test page', () => {
    expect(injectedRoutes({})).toEqual([]);
    expect(injectedRoutes({ [TEST_PAGES_VARIABLE]: '0' })).toEqual([]);
  });

  test('a build with HS_TEST_PAGES=1 has the engine harness at /dev/engine-harness/', () => {
    const routes = injectedRoutes({ [TEST_PAGES_VARIABLE]: '1' });
    expect(routes.map((route) => route.pattern)).toEqual(['/dev/engine-harness']);
    expect(String(routes[0]?.entrypoint)).toMatch(/src\/pages\/dev\/_engine-harness\.astro$/);
  });

  test('no file in src/pages/dev/ is routed by Astro itself (each starts with "_")', () => {
    const files = readdirSync(new URL('../../../src/pages/dev/', import.meta.url));
    expect(files.filter((file) => !file.startsWith('_'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(Object.values(TEST_PAGES)));
  });

  test('the e2e build asks for the test pages', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['test:e2e']).toMatch(new RegExp(`^${TEST_PAGES_VARIABLE}=1 astro build`));
  });
});
