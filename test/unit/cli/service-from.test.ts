import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import type { ServiceSample } from '../../../playground/model/service-samples.ts';
import { fakeIO } from './fake-io.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hs-service-from-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIO();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('load --json samples and simulate --service-from', () => {
  it('load gives one sample per request; with a profile, cold ones carry their modelled phases apart from the measured init', async () => {
    const { code, out } = await run(['load', fixture('sleepy'), '--requests', '12', '--concurrency', '3', '--platform-profile', 'scf-2019', '--json']);
    expect(code).toBe(0);
    const load = JSON.parse(out) as { platformProfile: string; samples: ServiceSample[] };
    expect(load.platformProfile).toBe('scf-2019');
    expect(load.samples).toHaveLength(12);
    const cold = load.samples.filter((s) => s.cold);
    const warm = load.samples.filter((s) => !s.cold);
    expect(cold.length).toBeGreaterThanOrEqual(1);
    expect(warm.length).toBeGreaterThanOrEqual(1);
    for (const s of cold) {
      // The profile's 90 ms micro-VM alone, plus placement, download and VPC attach.
      expect(s.modelledMs).toBeGreaterThanOrEqual(93);
      expect(s.initMs).toBeGreaterThan(0);
      expect(s.latencyMs).toBeGreaterThanOrEqual(s.modelledMs! + s.initMs! + s.durationMs - 1);
    }
    for (const s of warm) {
      expect(s).not.toHaveProperty('initMs');
      expect(s).not.toHaveProperty('modelledMs');
      expect(s.durationMs).toBeGreaterThanOrEqual(55);
      expect(s.outcome).toBe('ok');
    }
    writeFileSync(join(dir, 'load.json'), out);

    const simulated = await run(['simulate', '--service-from', join(dir, 'load.json'), '--arrival-rate', '50', '--policy', 'provisioned', '--provisioned', '5', '--horizon', '600', '--json']);
    expect(simulated.code).toBe(0);
    const result = JSON.parse(simulated.out) as { measured: { warm: { samples: number; meanS: number }; cold: { samples: number }; modelled: { platformProfile: string; meanS: number } }; billedGbSeconds: number; idleGbSeconds: number };
    expect(result.measured.warm.samples).toBe(warm.length);
    expect(result.measured.cold.samples).toBe(cold.length);
    expect(result.measured.warm.meanS * 1000).toBeCloseTo(warm.reduce((sum, s) => sum + s.latencyMs, 0) / warm.length, 6);
    expect(result.measured.modelled.platformProfile).toBe('scf-2019');
    expect(result.measured.modelled.meanS).toBeGreaterThan(0.09);
    expect(result.billedGbSeconds).toBeGreaterThan(0);
    expect(result.idleGbSeconds).toBeGreaterThan(0);

    const text = await run(['simulate', '--service-from', join(dir, 'load.json'), '--arrival-rate', '50', '--horizon', '600', '--platform-profile', 'local']);
    expect(text.out).toContain(`over ${warm.length} samples`);
    expect(text.out).toContain('Modelled: nothing added');
    expect(text.out).toMatch(/cost +[\d,]+ GB-s billed for requests/);
  }, 60_000);

  it('refuses a file without samples, a second source of response times, and an unknown profile, with exit code 2', async () => {
    writeFileSync(join(dir, 'summary-only.json'), JSON.stringify({ requests: 3 }));
    const noSamples = await run(['simulate', '--service-from', join(dir, 'summary-only.json'), '--arrival-rate', '1']);
    expect(noSamples.code).toBe(2);
    expect(noSamples.err).toMatch(/has no "samples".*load .* --json/);
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ samples: [{ cold: true, durationMs: 1, latencyMs: 3, outcome: 'ok' }, { cold: false, durationMs: 1, latencyMs: 1, outcome: 'ok' }] }));
    const both = await run(['simulate', '--service-from', join(dir, 'tiny.json'), '--arrival-rate', '1', '--warm-mean', '2']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('leave out --warm-mean');
    const badProfile = await run(['invoke', fixture('sleepy'), '--platform-profile', 'azure']);
    expect(badProfile.code).toBe(2);
    expect(badProfile.err).toContain('--platform-profile must be one of local, lambda, scf-2019');
  });
});
