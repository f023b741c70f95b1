import type { AccessRecord } from '../../../playground/gateway/access-record.ts';
import { startServe } from '../../../playground/cli/serve/start-serve.ts';
import type { RunningServe, ServeOptions } from '../../../playground/cli/serve/start-serve.ts';
import { fakeIO } from '../cli/fake-io.ts';
import type { FakeIO } from '../cli/fake-io.ts';

export const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

export interface ServeUnderTest extends RunningServe {
  io: FakeIO;
  /** The --json access records printed so far. */
  records(): AccessRecord[];
}

/** serve in this process on a free port of 127.0.0.1, with --json, logging into a fake terminal. */
export async function serveForTest(dir: string, options: Partial<ServeOptions> = {}): Promise<ServeUnderTest> {
  const io = fakeIO();
  const running = await startServe({ dir, port: 0, host: '127.0.0.1', watch: false, json: true, flags: { env: {} }, ...options }, io);
  return {
    ...running,
    io,
    records: () => io.out.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as AccessRecord),
  };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
