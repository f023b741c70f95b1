import { writeFileSync } from 'node:fs';
import type { ProfiledInvocation } from '../../hosts/node/cpu-profile.ts';
import type { CliIO } from '../io.ts';
import { formatTopFunctions, mapProfileToSources } from './cpu-profile-summary.ts';

/** Writes a taken profile (its frames pointed at the TypeScript sources) and prints its top functions on STDERR. */
export function reportProfile(result: ProfiledInvocation | undefined, file: string, bundle: string, io: CliIO, which: string): void {
  if (!result) {
    io.stderr(`Profile: no ${which} happened, so nothing was profiled and ${file} was not written\n`);
    return;
  }
  if (!result.profile) {
    io.stderr(`Profile: ${result.problem ?? 'the profiler gave nothing'}; ${file} was not written\n`);
    return;
  }
  const profile = mapProfileToSources(result.profile, bundle);
  writeFileSync(file, JSON.stringify(profile));
  io.stderr(`Profile of ${which} ${result.requestId} on ${result.instanceId}, written to ${file}\n${formatTopFunctions(profile)}`);
}
