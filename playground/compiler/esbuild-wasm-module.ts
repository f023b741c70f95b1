/**
 * esbuild's WebAssembly, compiled by streaming it from the network, where Chromium keeps the compiled and optimised
 * code for the next visit. Chromium keeps nothing for a module a service worker hands over: on a returning visit
 * served that way, the first Invoke took 2.9-3.2 s and the first edits 173-188 ms; streamed from the network (or
 * its HTTP cache), 1.3 s and 90-97 ms (NOTES.md). So the service worker lets this request through while the network
 * answers, and the compiler asks for the service worker's precached copy only when it does not.
 */

/** The query parameter that asks the service worker for its precached copy; the precache ignores it when matching. */
export const PRECACHED_COPY_PARAM = 'precached';

/** A network that has not answered in this long is treated as gone, as the service worker does for pages. */
export const NETWORK_WAIT_MS = 4000;

export async function esbuildWasmModule(url: string, fetchFrom: typeof fetch = fetch, waitMs = NETWORK_WAIT_MS): Promise<WebAssembly.Module> {
  let networkError: unknown;
  try {
    return await compiled(await answered(fetchFrom, url, waitMs));
  } catch (error) {
    networkError = error;
  }
  const copy = new URL(url);
  copy.searchParams.set(PRECACHED_COPY_PARAM, '1');
  try {
    return await compiled(await fetchFrom(copy.href));
  } catch (error) {
    throw new Error(`esbuild's WebAssembly could not be loaded: from the network, ${messageOf(networkError)}; from this site's offline copy, ${messageOf(error)}`);
  }
}

async function answered(fetchFrom: typeof fetch, url: string, waitMs: number): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no answer in ${waitMs / 1000} s`)), waitMs);
  try {
    return await fetchFrom(url, { signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function compiled(response: Response): Promise<WebAssembly.Module> {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Streaming compilation needs the wasm media type; a host that sends another still gets a working compiler.
  if (/^application\/wasm(;|$)/i.test(response.headers.get('content-type') ?? '')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
