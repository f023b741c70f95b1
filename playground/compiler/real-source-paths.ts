import { pathToFileURL } from 'node:url';
import { VIRTUAL_NAMESPACE } from './options.ts';

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * Points a bundle's inline source map at the files on disk, for debuggers: VS Code and DevTools bind breakpoints
 * in a source only when the map names it by a real path. The sources stay relative ("index.ts", as stack traces
 * show them) under a `sourceRoot` that is the function's folder as a file:// URL. The browser has no such folder,
 * so only the Node compile of a directory does this.
 */
export function withRealSourcePaths(bundle: string, dir: string): string {
  const match = INLINE_MAP.exec(bundle);
  if (!match?.[1]) return bundle;
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as { sources: string[]; sourceRoot?: string };
  map.sources = map.sources.map((source) => source.replace(`${VIRTUAL_NAMESPACE}:`, ''));
  map.sourceRoot = `${pathToFileURL(dir).href}/`;
  const encoded = Buffer.from(JSON.stringify(map), 'utf8').toString('base64');
  return `${bundle.slice(0, match.index)}//# sourceMappingURL=data:application/json;base64,${encoded}\n`;
}
