import { describe, expect, test } from 'vitest';
import { esbuildWasmModule } from '../../../playground/compiler/esbuild-wasm-module.ts';

const URL_OF_WASM = 'http://127.0.0.1:4321/_astro/esbuild-abc.wasm';
/** The smallest valid module: the magic number and version 1, no sections. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const wasmResponse = (type = 'application/wasm') => new Response(EMPTY_MODULE, { headers: { 'content-type': type } });

/** A fetch that answers each URL as `answers` says, and records what was asked. */
function fakeFetch(answers: Record<string, (signal?: AbortSignal) => Promise<Response>>) {
  const asked: string[] = [];
  const fetchFrom = ((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    asked.push(url);
    const answer = answers[url];
    return answer ? answer(init?.signal ?? undefined) : Promise.reject(new TypeError(`nothing at ${url}`));
  }) as typeof fetch;
  return { asked, fetchFrom };
}

describe("esbuild's WebAssembly module", () => {
  test('streams from the network while it answers, and never asks for the offline copy then', async () => {
    const { asked, fetchFrom } = fakeFetch({ [URL_OF_WASM]: async () => wasmResponse() });
    expect(await esbuildWasmModule(URL_OF_WASM, fetchFrom)).toBeInstanceOf(WebAssembly.Module);
    expect(asked).toEqual([URL_OF_WASM]);
  });

  test('comes from the offline copy when the network fails or answers with an error', async () => {
    for (const network of [() => Promise.reject(new TypeError('Failed to fetch')), async () => new Response('gone', { status: 503 })]) {
      const { asked, fetchFrom } = fakeFetch({ [URL_OF_WASM]: network, [`${URL_OF_WASM}?precached=1`]: async () => wasmResponse() });
      expect(await esbuildWasmModule(URL_OF_WASM, fetchFrom)).toBeInstanceOf(WebAssembly.Module);
      expect(asked).toEqual([URL_OF_WASM, `${URL_OF_WASM}?precached=1`]);
    }
  });

  test('gives up on a network that does not answer, and takes the offline copy', async () => {
    const hanging = (signal?: AbortSignal) => new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const { asked, fetchFrom } = fakeFetch({ [URL_OF_WASM]: hanging, [`${URL_OF_WASM}?precached=1`]: async () => wasmResponse() });
    expect(await esbuildWasmModule(URL_OF_WASM, fetchFrom, 20)).toBeInstanceOf(WebAssembly.Module);
    expect(asked).toHaveLength(2);
  });

  test('compiles from a host that sends another media type', async () => {
    const { fetchFrom } = fakeFetch({ [URL_OF_WASM]: async () => wasmResponse('application/octet-stream') });
    expect(await esbuildWasmModule(URL_OF_WASM, fetchFrom)).toBeInstanceOf(WebAssembly.Module);
  });

  test('says why, for both places, when neither has it', async () => {
    const { fetchFrom } = fakeFetch({ [URL_OF_WASM]: () => Promise.reject(new TypeError('Failed to fetch')), [`${URL_OF_WASM}?precached=1`]: async () => new Response('', { status: 504 }) });
    await expect(esbuildWasmModule(URL_OF_WASM, fetchFrom)).rejects.toThrow(
      "esbuild's WebAssembly could not be loaded: from the network, Failed to fetch; from this site's offline copy, HTTP 504",
    );
  });
});
