import type { ModelledDurations, ModelledPhase } from '../faas/phases.ts';
import { distribution } from './distributions.ts';
import type { Distribution, DistributionSpec } from './distributions.ts';
import type { Random } from './random.ts';

/**
 * Which platform a cold start should look like. `local` is this machine: everything measured, nothing added.
 * `lambda` and `scf-2019` add the phases a real platform spends before the runtime starts, which a worker on this
 * machine does not have. The figures come from ../shared/research (faas-semantics.md A6 and content-facts.md
 * talk 2); each phase names its source. Live mode (the playground, invoke, load, serve) and model mode
 * (simulate) draw from these same definitions, so the two agree.
 */
export type PlatformProfileName = 'local' | 'lambda' | 'scf-2019';
export const PLATFORM_PROFILE_NAMES: readonly PlatformProfileName[] = ['local', 'lambda', 'scf-2019'];

export interface ModelledPhaseModel {
  name: ModelledPhase;
  /** Seconds, whatever the package's size. */
  time: DistributionSpec;
  /** Seconds added per megabyte of deployment package, on top of `time` (code download). */
  perMb?: number;
  /** Where the figure comes from. */
  source: string;
}

export interface PlatformProfile {
  name: PlatformProfileName;
  phases: readonly ModelledPhaseModel[];
}

const MB = 1024 * 1024;

export const PLATFORM_PROFILES: Readonly<Record<PlatformProfileName, PlatformProfile>> = {
  local: { name: 'local', phases: [] },
  // Lambda publishes no placement figure, so none is modelled: its time is part of what a client sees beyond
  // Init Duration (faas-semantics.md A7: +0.15-0.6 s in SimFaaS's measurements).
  lambda: {
    name: 'lambda',
    phases: [
      {
        name: 'sandboxStart',
        // From the VMM's fastest start (6 ms) to its slowest (60 ms) plus the guest's boot bound (125 ms).
        time: { kind: 'uniform', min: 0.006, max: 0.185 },
        source: 'Firecracker SPECIFICATION.md: VMM up to its API socket in 6-60 ms wall time, ≤ 125 ms from InstanceStart to the guest\'s /sbin/init',
      },
      {
        name: 'codeDownload',
        // "Tens of milliseconds" for a small package; the straight line to about a second at Lambda's 50 MB zip
        // limit (the top of the talk's "seconds") is ours.
        time: { kind: 'uniform', min: 0.01, max: 0.09 },
        perMb: 0.02,
        source: 'SCF cold-start talk (KubeCon 2019, SC-COLD): code download takes tens of ms to seconds by package size',
      },
    ],
  },
  // SCF after the 2019 rework, as the cold-start talk describes it: total cold starts down to about 200 ms.
  'scf-2019': {
    name: 'scf-2019',
    phases: [
      {
        name: 'placement',
        time: { kind: 'uniform', min: 0.001, max: 0.01 },
        source: 'SCF cold-start talk: scheduling became a sequential match on an offline-sorted host list, milliseconds',
      },
      {
        name: 'sandboxStart',
        time: { kind: 'constant', value: 0.09 },
        source: 'SCF cold-start talk: a micro-VM cloned from a template starts in 90 ms',
      },
      {
        name: 'codeDownload',
        time: { kind: 'uniform', min: 0.001, max: 0.002 },
        source: 'SCF cold-start talk: code comes from a per-zone cache 1-2 ms away (or is already on the VM)',
      },
      {
        name: 'vpcAttach',
        time: { kind: 'uniform', min: 0.001, max: 0.01 },
        source: 'SCF VPC talk (SC-VPC): the ENI is made with the function, so a cold start only sets tunnel parameters, a few ms',
      },
    ],
  },
};

export function platformProfile(name: string): PlatformProfile {
  const profile = (PLATFORM_PROFILES as Record<string, PlatformProfile | undefined>)[name];
  if (!profile) throw new RangeError(`Unknown platform profile "${name}": choose ${PLATFORM_PROFILE_NAMES.join(', ')}`);
  return profile;
}

/** A profile's phases ready to draw for one package size, in milliseconds. */
export class ModelledStart {
  readonly profile: PlatformProfile;
  readonly #phases: { name: ModelledPhase; time: Distribution; extraS: number }[];

  constructor(profile: PlatformProfile, packageBytes: number) {
    this.profile = profile;
    this.#phases = profile.phases.map((phase) => ({ name: phase.name, time: distribution(phase.time), extraS: ((phase.perMb ?? 0) * packageBytes) / MB }));
  }

  get empty(): boolean {
    return this.#phases.length === 0;
  }

  draw(random: Random): ModelledDurations {
    const drawn: ModelledDurations = {};
    for (const phase of this.#phases) drawn[phase.name] = (phase.time.sample(random) + phase.extraS) * 1000;
    return drawn;
  }

  /** The phases' total as one distribution in seconds, for model mode, where only a request's whole time matters. */
  total(): Distribution {
    const phases = this.#phases;
    const mean = phases.reduce((sum, phase) => sum + phase.time.mean + phase.extraS, 0);
    return {
      mean,
      sample(random) {
        let seconds = 0;
        for (const phase of phases) seconds += phase.time.sample(random) + phase.extraS;
        return seconds;
      },
    };
  }
}

/** The sum of two independent times: a measured service time plus a profile's modelled start, say. */
export function plus(base: Distribution, extra: Distribution): Distribution {
  return { mean: base.mean + extra.mean, sample: (random) => base.sample(random) + extra.sample(random) };
}

export function modelledTotalMs(modelled: ModelledDurations | undefined): number {
  let ms = 0;
  for (const value of Object.values(modelled ?? {})) ms += value;
  return ms;
}
