/**
 * The response headers that make a page cross-origin isolated and let it profile itself. Isolation is what
 * Chromium asks before `performance.measureUserAgentSpecificMemory()` reports the playground's instance memory;
 * `Document-Policy: js-profiling` is what it asks before `new Profiler()`. COEP `require-corp` rather than
 * `credentialless`: the site loads nothing from other origins, and every browser that isolates knows require-corp.
 * One list for every place that serves the site: `astro dev`/`preview` (astro.config.mjs), the e2e static server,
 * `public/_headers` (a spec holds it equal) and the service worker where a host sends none of them.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Document-Policy': 'js-profiling',
};

/** The response with any isolation header it lacks; a header the host did send is left as sent. */
export function withIsolationHeaders(response: Response): Response {
  // An opaque or error response (status 0) cannot be rebuilt; it carries no document anyway.
  if (response.status === 0) return response;
  const missing = Object.entries(ISOLATION_HEADERS).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
