import type { Clock } from '../faas/clock.ts';
import type { InstanceHost } from '../faas/instance-host.ts';
import { MODELLED_PHASES, PHASE_NAMES } from '../faas/phases.ts';
import type { ModelledDurations } from '../faas/phases.ts';
import { ModelledStartHost } from '../model/modelled-start-host.ts';
import { modelledTotalMs, PLATFORM_PROFILE_NAMES } from '../model/platform-profiles.ts';
import type { PlatformProfileName } from '../model/platform-profiles.ts';
import { Random } from '../model/random.ts';
import { UsageError } from './usage-error.ts';

/** The --platform-profile flag: `local` unless another profile is named. */
export function platformProfileFromFlags(values: { 'platform-profile'?: string | undefined }): PlatformProfileName {
  const name = values['platform-profile'] ?? 'local';
  if (!(PLATFORM_PROFILE_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`--platform-profile must be one of ${PLATFORM_PROFILE_NAMES.join(', ')}, got "${name}"`);
  }
  return name as PlatformProfileName;
}

/** The Node host as `--platform-profile` asks: unchanged for `local`, else behind the profile's modelled phases. */
export function profiledHost(host: InstanceHost, clock: Clock, profile: PlatformProfileName): InstanceHost {
  return profile === 'local' ? host : new ModelledStartHost(host, clock, () => profile, new Random(Date.now() >>> 0));
}

/**
 * The line invoke prints under REPORT for a cold start with a profile, so no one mistakes the modelled time for
 * a measurement: "MODELLED (lambda profile): sandbox start 97.3 ms + code download 21.0 ms = 118.3 ms ...".
 */
export function formatModelled(profile: PlatformProfileName, modelled: ModelledDurations): string {
  const parts = MODELLED_PHASES.flatMap((phase) => (modelled[phase] === undefined ? [] : [`${PHASE_NAMES[phase]} ${modelled[phase].toFixed(1)} ms`]));
  return `MODELLED (${profile} profile, not measured): ${parts.join(' + ')} = ${modelledTotalMs(modelled).toFixed(1)} ms before the instance started; in the latency, not in Init Duration`;
}
