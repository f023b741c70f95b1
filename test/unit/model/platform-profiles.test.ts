import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { initDurationMs } from '../../../playground/faas/phases.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import { ModelledStartHost } from '../../../playground/model/modelled-start-host.ts';
import { ModelledStart, modelledTotalMs, PLATFORM_PROFILES } from '../../../playground/model/platform-profiles.ts';
import type { PlatformProfileName } from '../../../playground/model/platform-profiles.ts';
import { Random } from '../../../playground/model/random.ts';
import { runModel } from '../../../playground/model/simulation.ts';
import { DEFAULT_PHASES, FakeHost } from '../faas/fake-host.ts';
import { fn } from '../faas/platform-fixture.ts';
import { ManualClock } from '../faas/manual-clock.ts';

const MB = 1024 * 1024;

/** Many draws of a profile's phases for one package size, with a fixed seed. */
function draws(profile: PlatformProfileName, packageBytes: number, count = 2000) {
  const start = new ModelledStart(PLATFORM_PROFILES[profile], packageBytes);
  const random = new Random(7);
  return Array.from({ length: count }, () => start.draw(random));
}

function range(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

describe('platform profiles', () => {
  it('local adds nothing: everything a learner sees is measured on this machine', () => {
    expect(draws('local', 10_000, 5)).toEqual([{}, {}, {}, {}, {}]);
  });

  it('lambda models a Firecracker micro-VM within its published bounds and a code download that grows with the package', () => {
    const small = draws('lambda', 20_000);
    expect(Object.keys(small[0]!)).toEqual(['sandboxStart', 'codeDownload']);
    const [vmMin, vmMax] = range(small.map((d) => d.sandboxStart!));
    // VMM 6-60 ms, guest boot at most 125 ms (Firecracker SPECIFICATION.md).
    expect(vmMin).toBeGreaterThanOrEqual(6);
    expect(vmMax).toBeLessThanOrEqual(185);
    expect(vmMax - vmMin).toBeGreaterThan(100);
    // Tens of milliseconds for a small package, about a second at Lambda's 50 MB zip limit (SCF talk: "tens of ms to seconds").
    const [smallMin, smallMax] = range(small.map((d) => d.codeDownload!));
    expect(smallMin).toBeGreaterThanOrEqual(10);
    expect(smallMax).toBeLessThan(100);
    const big = range(draws('lambda', 50 * MB).map((d) => d.codeDownload!));
    expect(big[0]).toBeGreaterThan(1000);
    expect(big[1]).toBeLessThan(1100);
  });

  it("scf-2019 models the talk's 90 ms micro-VM, and its modelled start leaves room in the ~200 ms cold start it reports", () => {
    const all = draws('scf-2019', 20_000);
    expect(Object.keys(all[0]!)).toEqual(['placement', 'sandboxStart', 'codeDownload', 'vpcAttach']);
    expect(new Set(all.map((d) => d.sandboxStart))).toEqual(new Set([90]));
    for (const [phase, low, high] of [['placement', 1, 10], ['codeDownload', 1, 2], ['vpcAttach', 1, 10]] as const) {
      const [min, max] = range(all.map((d) => d[phase]!));
      expect(min, phase).toBeGreaterThanOrEqual(low);
      expect(max, phase).toBeLessThanOrEqual(high);
    }
    expect(Math.max(...all.map(modelledTotalMs))).toBeLessThan(200);
  });
});

describe('a profile in live mode', () => {
  async function coldRequest(profile: PlatformProfileName): Promise<InvocationRecord> {
    const clock = new ManualClock();
    const fake = new FakeHost(clock, { f: { handle: () => ({ kind: 'ok', value: 'hi', durationMs: 20 }) } });
    const platform = new Platform({ clock, host: new ModelledStartHost(fake, clock, () => profile, new Random(3)) });
    platform.deploy(fn('f', { bundle: 'x'.repeat(4096) }));
    const done = platform.invoke('f', {});
    clock.runAll();
    return done;
  }

  it('runs the modelled phases before the real start: they count in latency, never in the measured init', async () => {
    const local = await coldRequest('local');
    const lambda = await coldRequest('lambda');
    expect(local.phases?.modelled).toBeUndefined();
    const modelled = lambda.phases!.modelled!;
    expect(Object.keys(modelled)).toEqual(['sandboxStart', 'codeDownload']);
    const modelledMs = modelledTotalMs(modelled);
    expect(modelledMs).toBeGreaterThan(16);
    expect(lambda.endMs - lambda.arrivalMs).toBeCloseTo(local.endMs - local.arrivalMs + modelledMs, 9);
    expect(initDurationMs(lambda.phases!)).toBe(initDurationMs(DEFAULT_PHASES));
    expect(lambda.durationMs).toBe(local.durationMs);
  });

  it('an instance ended during its modelled phases never reaches the real host', async () => {
    const clock = new ManualClock();
    const fake = new FakeHost(clock, { f: { handle: () => ({ kind: 'ok', value: 1, durationMs: 1 }) } });
    const platform = new Platform({ clock, host: new ModelledStartHost(fake, clock, () => 'scf-2019', new Random(3)) });
    platform.deploy(fn('f'));
    const done = platform.invoke('f', {});
    clock.advance(50);
    platform.shutdown();
    clock.runAll();
    expect((await done).status).toBe('crashed');
    expect(fake.started).toEqual([]);
  });
});

describe('a profile in model mode', () => {
  it('adds the same modelled phases to every cold start, so the model agrees with live mode', () => {
    // One request every 100 s with no keep-alive: every request is a cold start of exactly 0.5 s plus the profile.
    const base = { arrival: { kind: 'constant', intervalS: 100 }, warm: { kind: 'constant', value: 0.2 }, cold: { kind: 'constant', value: 0.5 }, policy: 'fixed', keepAliveS: 0, maxConcurrency: 10, horizonS: 100_000, seed: 1 } as const;
    const local = runModel(base);
    const scf = runModel({ ...base, profile: 'scf-2019' });
    expect(local.coldStarts).toBe(local.requests);
    expect(local.latencyMs.mean).toBeCloseTo(500, 0);
    const expected = new ModelledStart(PLATFORM_PROFILES['scf-2019'], 0).total().mean * 1000;
    expect(Math.abs(scf.latencyMs.mean - (500 + expected))).toBeLessThan(1);
  });
});
