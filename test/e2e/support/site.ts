/**
 * The built site under test: `npm run test:e2e` builds dist/ first; HS_DIST points elsewhere when needed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic, type StaticOptions, type StaticSite } from './static-server.ts';

export function builtSiteDir(): string {
  const dir = resolve(process.env.HS_DIST ?? 'dist');
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`No built site at ${dir}: run \`npm run build\` (or \`npm run test:e2e\`, which builds first).`);
  }
  return dir;
}

export function serveBuiltSite(options?: StaticOptions): Promise<StaticSite> {
  return serveStatic(builtSiteDir(), options);
}
