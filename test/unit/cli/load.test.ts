import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import type { LoadSummary } from '../../../playground/cli/load-summary.ts';
import { fakeIO } from './fake-io.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

async function loadJson(args: string[]): Promise<{ code: number; summary: LoadSummary; err: string }> {
  const io = fakeIO();
  const code = await main(['load', ...args, '--json'], io);
  return { code, summary: JSON.parse(io.out) as LoadSummary, err: io.err };
}

describe('hello-serverless load', () => {
  it('serves every request, reusing warm instances: cold starts equal instances started, at most one per client', async () => {
    const { code, summary } = await loadJson([fixture('sleepy'), '--requests', '12', '--concurrency', '3']);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ requests: 12, ok: 12, failed: 0, throttled: 0 });
    expect(summary.coldStarts).toBe(summary.instancesStarted);
    expect(summary.instancesStarted).toBeGreaterThanOrEqual(1);
    expect(summary.instancesStarted).toBeLessThanOrEqual(3);
    expect(summary.latencyMs.p50).toBeGreaterThan(0);
    expect(summary.latencyMs.p99).toBeGreaterThanOrEqual(summary.latencyMs.p50);
    expect(summary.billedGbSeconds).toBeGreaterThan(0);
  }, 30_000);

  it('throttles beyond --max-instances; ok, failed and throttled add up to the requests sent', async () => {
    const { summary } = await loadJson([fixture('sleepy'), '--requests', '10', '--concurrency', '4', '--max-instances', '1']);
    expect(summary.ok + summary.failed + summary.throttled).toBe(10);
    expect(summary.throttled).toBeGreaterThan(0);
    expect(summary.instancesStarted).toBe(1);
  }, 30_000);

  it('counts failing requests as failed and still completes the run', async () => {
    const { code, summary } = await loadJson([join(fixture('failing'), 'index.ts'), '--requests', '5', '--concurrency', '2']);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ requests: 5, ok: 0, failed: 5, throttled: 0 });
  }, 30_000);

  it('prints a readable summary without --json and refuses a run without --requests', async () => {
    const io = fakeIO();
    expect(await main(['load', fixture('sleepy'), '--requests', '3', '--concurrency', '1'], io)).toBe(0);
    expect(io.out).toMatch(/requests\s+3 {2}\(ok 3, failed 0, throttled 0\)/);
    expect(io.out).toMatch(/p50 [\d.]+ ms {2}p95 [\d.]+ ms {2}p99/);
    const missing = fakeIO();
    expect(await main(['load', fixture('sleepy'), '--concurrency', '2'], missing)).toBe(2);
    expect(missing.err).toContain('--requests');
  }, 30_000);
});
