import { main } from '../../../playground/cli/main.ts';
import { fakeIO } from '../cli/fake-io.ts';

export const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

/** Runs the CLI as a user would, on one of the real-* fixtures. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string; json: unknown }> {
  const io = fakeIO();
  const code = await main(args, io);
  let json: unknown;
  try {
    json = JSON.parse(io.out);
  } catch {
    json = undefined;
  }
  return { code, out: io.out, err: io.err, json };
}
