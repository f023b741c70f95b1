/**
 * Serves a built site (dist/) on 127.0.0.1 the way a static host would: directory URLs resolve to index.html,
 * unknown paths get the site's 404 page, and .wasm is sent as application/wasm so streaming compilation works.
 * Every response carries the cross-origin-isolation headers, as `astro preview` and public/_headers give them,
 * unless a spec asks for a host that sends none (to try the service worker that adds them).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { ISOLATION_HEADERS } from '../../../src/service-worker/isolation-headers.ts';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
  }
  return undefined;
}

export interface StaticOptions {
  /** Send the cross-origin-isolation headers (default true). */
  isolationHeaders?: boolean;
  /** Sees every request as it arrives (a spec checks what a browser sent, cookies included). */
  onRequest?: (request: IncomingMessage) => void;
  /** Gzip responses for clients that accept it, as a production host does (Lighthouse's throttling reads sizes). */
  gzip?: boolean;
  /** Paths whose requests are answered by closing the connection, as a dropped network does (a part that fails to load). */
  dropped?: RegExp;
}

export async function serveStatic(dir: string, options: StaticOptions = {}): Promise<StaticSite> {
  const extraHeaders = options.isolationHeaders === false ? {} : ISOLATION_HEADERS;
  const root = resolve(dir);
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer(async (request, response) => {
    options.onRequest?.(request);
    if (options.dropped?.test(request.url ?? '')) {
      request.socket.destroy();
      return;
    }
    const path = await fileFor(root, request.url ?? '/');
    const status = path ? 200 : 404;
    let body: Buffer = await readFile(path ?? join(root, '404.html')).catch(() => Buffer.from('Not found'));
    const gzip = options.gzip === true && path !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    if (gzip) {
      body = gzipped.get(path) ?? gzipSync(body);
      gzipped.set(path, body);
    }
    response.writeHead(status, {
      'content-type': mimeTypes[extname(path ?? '.html')] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...extraHeaders,
    });
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
