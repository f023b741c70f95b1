import type { FunctionConfig } from '../../faas/function-config.ts';
import { Platform } from '../../faas/platform.ts';
import type { ProfileOutcome } from '../../faas/protocol.ts';
import type { RealClock } from '../../faas/real-clock.ts';
import { BrowserInstanceHost } from '../../hosts/browser/browser-instance-host.ts';
import { profileFrameSource } from '../../hosts/browser/profile-frame.ts';
import { InstanceNames } from './instance-names.ts';
import type { InvocationView } from './invocation-view.ts';
import { ProfilingHost } from './profiling-host.ts';
import { viewOf } from './record-view.ts';

/**
 * Runs one invocation of `config` in a copy of the function whose instance lives on a frame's main thread
 * (ProfileFrames), where Chromium lets the JS Self-Profiling API run, and returns that invocation and its profile.
 * The copy is a platform of its own: a cold start of the same bundle, settings and event, on nobody's timeline,
 * gone afterwards. Its instance numbers are its own too, so the page's instance numbering is left alone.
 */
export async function profileInCopy(config: FunctionConfig, event: unknown, clock: RealClock): Promise<{ view: InvocationView; profile: ProfileOutcome | undefined }> {
  const instances = await BrowserInstanceHost.create({ clock, frames: profileFrameSource });
  const host = new ProfilingHost(instances);
  const platform = new Platform({ clock, host, requestIds: () => crypto.randomUUID() });
  try {
    platform.deploy({ ...config, provisionedConcurrency: 0 });
    host.arm();
    const record = await platform.invoke(config.name, event);
    return { view: viewOf(record, new InstanceNames()), profile: host.take(record.requestId) };
  } finally {
    platform.shutdown();
    instances.dispose();
  }
}
