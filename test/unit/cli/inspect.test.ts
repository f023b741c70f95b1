import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectorOptions } from '../../../playground/cli/inspect-flags.ts';
import { main } from '../../../playground/cli/main.ts';
import { startServe } from '../../../playground/cli/serve/start-serve.ts';
import { decodeMappings } from '../../../playground/runtime/source-map.ts';
import { fakeIO } from './fake-io.ts';
import type { FakeIO } from './fake-io.ts';

/** A project whose breakpoint line is in a module the entry imports, so the map must name more than one source. */
function project(): { dir: string; event: string; breakpointFile: string; breakpointLine: number } {
  const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'index.ts'), [
    "import { total } from './lib/cart.ts';",
    '',
    'export const handler = async (event: { prices: number[] }) => {',
    '  const sum = total(event.prices);',
    '  return { sum };',
    '};',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'lib', 'cart.ts'), [
    'interface Priced { price: number }',
    '',
    'export function total(prices: number[]): number {',
    '  const items: Priced[] = prices.map((price) => ({ price }));',
    '  let sum = 0;',
    '  for (const item of items) sum += item.price;',
    '  return sum;',
    '}',
    '',
  ].join('\n'));
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ prices: [3, 4, 5] }));
  return { dir, event, breakpointFile: join(dir, 'lib', 'cart.ts'), breakpointLine: 5 };
}

interface RawMap {
  sources: string[];
  sourceRoot?: string;
  mappings: string;
}

/** What an IDE does with a script's map: resolve each source against the root to a real file. */
function readMap(sourceMapURL: string): { files: string[]; lines: ReturnType<typeof decodeMappings> } {
  const json = Buffer.from(sourceMapURL.slice(sourceMapURL.indexOf(',') + 1), 'base64').toString('utf8');
  const map = JSON.parse(json) as RawMap;
  const files = map.sources.map((source) => fileURLToPath(new URL(source, map.sourceRoot ?? 'file:///')));
  return { files, lines: decodeMappings(map.mappings) };
}

/** A minimal inspector-protocol client over Node 22's global WebSocket. */
class Inspector {
  readonly #socket: WebSocket;
  readonly #pending = new Map<number, (result: unknown) => void>();
  readonly #listeners: ((method: string, params: Record<string, unknown>) => void)[] = [];
  #next = 0;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; method?: string; params?: Record<string, unknown> };
      if (message.id !== undefined) this.#pending.get(message.id)?.(message.result);
      else if (message.method) for (const listener of this.#listeners) listener(message.method, message.params ?? {});
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve);
      socket.addEventListener('error', reject);
    });
    return new Inspector(socket);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.#next;
    this.#socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.#pending.set(id, resolve as (result: unknown) => void));
  }

  on(listener: (method: string, params: Record<string, unknown>) => void): void {
    this.#listeners.push(listener);
  }

  close(): void {
    this.#socket.close();
  }
}

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function debuggerUrl(io: FakeIO): string | undefined {
  return /Debugger for the instance: (ws:\/\/\S+)/.exec(io.err)?.[1];
}

let client: Inspector | undefined;
afterEach(() => client?.close());

describe('invoke --inspect-brk', () => {
  it('pauses at a breakpoint set on a TypeScript line, found through the bundle\'s source map as an IDE finds it', async () => {
    const { dir, event, breakpointFile, breakpointLine } = project();
    const io = fakeIO();
    const exit = main(['invoke', dir, '--event', event, '--inspect-brk=127.0.0.1:0', '--timeout', '1'], io);
    client = await Inspector.connect(await waitFor(() => debuggerUrl(io), 'the ws:// address'));
    expect(io.err).toContain('chrome://inspect');
    expect(io.err).toContain("The function's 1 s timeout is off");

    const scripts = new Map<string, { url: string; sourceMapURL: string }>();
    const pauses: { reason: string; callFrameId: string; scriptId: string; lineNumber: number; columnNumber: number; hit: unknown[] }[] = [];
    client.on((method, params) => {
      if (method === 'Debugger.scriptParsed') scripts.set(String(params.scriptId), { url: String(params.url), sourceMapURL: String(params.sourceMapURL ?? '') });
      if (method === 'Debugger.paused') {
        const frame = (params.callFrames as { callFrameId: string; location: { scriptId: string; lineNumber: number; columnNumber: number } }[])[0]!;
        pauses.push({ reason: String(params.reason), callFrameId: frame.callFrameId, ...frame.location, hit: (params.hitBreakpoints as unknown[] | undefined) ?? [] });
      }
    });
    await client.send('Debugger.enable');
    // How VS Code binds breakpoints in code that is not loaded yet: stop before each source-mapped script runs.
    await client.send('Debugger.setInstrumentationBreakpoint', { instrumentation: 'beforeScriptWithSourceMapExecution' });
    await client.send('Runtime.runIfWaitingForDebugger');

    // --inspect-brk: the first stop comes before the handler's module is loaded.
    const first = await waitFor(() => pauses[0], 'the --inspect-brk pause');
    expect([...scripts.values()].some((s) => s.url === 'function.js')).toBe(false);
    expect(first.reason).not.toBe('instrumentation');
    await client.send('Debugger.resume');

    const loading = await waitFor(() => pauses.find((p) => p.reason === 'instrumentation'), 'the bundle to load');
    const bundle = scripts.get(loading.scriptId)!;
    expect(bundle.url).toBe('function.js');
    const map = readMap(bundle.sourceMapURL);
    expect(map.files).toContain(breakpointFile);
    const source = map.files.indexOf(breakpointFile);
    const line = map.lines.findIndex((segments) => segments.some((s) => s[1] === source && s[2] === breakpointLine - 1));
    expect(line).toBeGreaterThanOrEqual(0);
    await client.send('Debugger.setBreakpoint', { location: { scriptId: loading.scriptId, lineNumber: line } });
    await client.send('Debugger.resume');

    const hit = await waitFor(() => pauses.find((p) => p.hit.length > 0), 'the breakpoint');
    // Map the paused position in the bundle back to the TypeScript source, as the IDE shows it.
    const segment = [...map.lines[hit.lineNumber]!].reverse().find((s) => s[0] <= hit.columnNumber) ?? map.lines[hit.lineNumber]![0]!;
    expect(map.files[segment[1]]).toBe(breakpointFile);
    expect(segment[2] + 1).toBe(breakpointLine);
    // And the program really stands there: line 4 has run (items exists), line 5 has not.
    const items = await client.send<{ result: { value?: unknown } }>('Debugger.evaluateOnCallFrame', { callFrameId: hit.callFrameId, expression: 'items.length' });
    expect(items.result.value).toBe(3);

    // Paused longer than the function's 1 s timeout allows: while debugging, the timeout is off.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await client.send('Debugger.resume');
    expect(await exit).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ sum: 12 });
  }, 30_000);

  it('refuses a port that is not a number (exit 2)', async () => {
    const io = fakeIO();
    expect(await main(['invoke', project().dir, '--inspect=abc'], io)).toBe(2);
    expect(io.err).toContain('--inspect takes [HOST:]PORT');
  });
});

describe('serve --inspect-brk', () => {
  it('holds the first request until a debugger attaches; paused in the handler past its 1 s timeout, it still answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-serve-'));
    // A debugger statement stops the handler itself once a debugger is attached: paused inside a request.
    writeFileSync(join(dir, 'index.ts'), 'export const handler = async () => {\n  debugger;\n  return { statusCode: 200, body: "served" };\n};\n');
    const io = fakeIO();
    const flag = { host: '127.0.0.1', port: 0, wait: true, pause: true };
    const running = await startServe({ dir, port: 0, host: '127.0.0.1', watch: false, json: false, flags: { env: {}, timeoutS: 1 }, maxConcurrency: 1, inspector: inspectorOptions(flag, io) }, io);
    try {
      const response = fetch(`${running.url}/anything`);
      client = await Inspector.connect(await waitFor(() => debuggerUrl(io), 'the ws:// address'));
      let pauses = 0;
      client.on((method) => {
        if (method === 'Debugger.paused') pauses++;
      });
      await client.send('Debugger.enable');
      await client.send('Runtime.runIfWaitingForDebugger');
      await waitFor(() => (pauses === 1 ? true : undefined), 'the --inspect-brk pause');
      await client.send('Debugger.resume');
      await waitFor(() => (pauses === 2 ? true : undefined), 'the pause in the handler');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await client.send('Debugger.resume');
      const answer = await response;
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe('served');
    } finally {
      await running.close();
    }
  }, 30_000);
});
