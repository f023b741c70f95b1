import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import type { CpuProfile } from '../../../playground/hosts/node/cpu-profile.ts';
import { fakeIO } from './fake-io.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'hs-profile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fixture's hot function is declared on this line of test/fixtures/cpu-bound/index.ts. */
const HOT_LINE = 7;

describe('hello-serverless invoke --profile', () => {
  it('profiles the handler in its worker thread and names the hot function at its TypeScript file:line', async () => {
    const file = join(scratch, 'invoke.cpuprofile');
    const io = fakeIO();
    expect(await main(['invoke', fixture('cpu-bound'), '--handler', 'index.handler', '--profile', file], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ primes: 25997 });
    const rows = io.err.split('\n').filter((line) => /^\s*[\d.]+\s+[\d.]+\s+\S/.test(line));
    // The busiest row is the handler's own code; on a loaded machine V8 has been seen to book the hot loop to the
    // calling arrow function (as with inlining), so the hot function is required in the table, not on top.
    expect(rows[0]).toMatch(/index\.ts:\d+$/);
    expect(rows.some((row) => new RegExp(`countPrimes\\s+index\\.ts:${HOT_LINE}$`).test(row))).toBe(true);

    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    expect(profile.samples.length).toBe(profile.timeDeltas.length);
    expect(profile.endTime).toBeGreaterThan(profile.startTime);
    const hot = profile.nodes.find((node) => node.callFrame.functionName === 'countPrimes');
    expect(hot?.callFrame).toMatchObject({ url: 'index.ts', lineNumber: HOT_LINE - 1 });
    expect(profile.nodes.every((node) => node.callFrame.lineNumber >= -1 && node.callFrame.lineNumber < 2 ** 31)).toBe(true);
  }, 30_000);

  it('wants a .cpuprofile file name', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('cpu-bound'), '--handler', 'index.handler', '--profile', join(scratch, 'p.json')], io)).toBe(2);
    expect(io.err).toContain('.cpuprofile');
  });
});

describe('hello-serverless load --profile', () => {
  it('profiles the first warm request and says which one it was', async () => {
    const file = join(scratch, 'load.cpuprofile');
    const io = fakeIO();
    expect(await main(['load', fixture('cpu-bound'), '--handler', 'index.handler', '--requests', '3', '--concurrency', '1', '--profile', file], io)).toBe(0);
    expect(io.err).toMatch(/^Profile of the first warm request [0-9a-f-]{36} on cpu-bound-1, written to /m);
    // Warm, V8 has optimised the handler and may have inlined countPrimes into it: either is the user's code.
    const top = io.err.split('\n').find((line) => /^\s*[\d.]+\s+[\d.]+\s+\S/.test(line));
    expect(top).toMatch(/\s(countPrimes|handler)\s+index\.ts:\d+$/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('nodes');
  }, 30_000);
});
