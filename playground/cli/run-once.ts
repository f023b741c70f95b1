import type { CompiledFunction } from '../compiler/browser-protocol.ts';
import { randomUUID } from 'node:crypto';
import type { InvocationRecord } from '../faas/invocation-record.ts';
import { Platform } from '../faas/platform.ts';
import type { PlatformEvent } from '../faas/platform-events.ts';
import type { LogLevel } from '../faas/protocol.ts';
import { RealClock } from '../faas/real-clock.ts';
import { DEBUG_TIME_LIMIT_MS } from '../hosts/node/inspector.ts';
import type { InspectorOptions } from '../hosts/node/inspector.ts';
import type { CpuProfileRequest } from '../hosts/node/cpu-profile.ts';
import { DEFAULT_SAMPLE_MS, NodeInstanceHost } from '../hosts/node/node-instance-host.ts';
import { ClosableClock } from './closable-clock.ts';
import { deploymentOf } from './deployment-of.ts';
import type { FunctionConfig } from './function-config.ts';
import { profiledHost } from './platform-profile.ts';

export type LogListener = (requestId: string | null, level: LogLevel, message: string, time: number) => void;

/** What `invoke --monitor/--metrics/--profile` watch; without it the instance reports no metric samples. */
export interface RunWatch {
  onEvent(event: PlatformEvent): void;
  sampling: boolean;
  profile?: CpuProfileRequest;
}

/** The end-of-invocation sample follows the result by a fraction of a millisecond; this bounds the wait. */
const END_SAMPLE_WAIT_MS = 1000;

/**
 * One request on a fresh platform, as `sam local invoke` does: a cold start on a real worker, the request, then
 * everything shut down. Log lines are passed on as they happen. Under a debugger (`inspector`) neither init nor
 * the request times out.
 */
export async function runOnce(config: FunctionConfig, compiled: CompiledFunction, event: unknown, onLog: LogListener, inspector?: InspectorOptions, watch?: RunWatch): Promise<InvocationRecord> {
  const clock = new ClosableClock(new RealClock());
  const node = new NodeInstanceHost({ functionRoot: config.root, modulePath: config.layers.modulePath, clock, ...(inspector ? { inspector } : {}), ...watchedHost(watch) });
  const host = profiledHost(node, clock, config.platformProfile);
  const platform = new Platform({ clock, host, keepLogs: false, requestIds: randomUUID, ...(inspector ? { initLimitMs: DEBUG_TIME_LIMIT_MS } : {}) });
  const endSample = watch ? new EndSampleWait() : undefined;
  platform.on((e) => {
    if (e.type === 'log') onLog(e.requestId, e.level, e.message, e.time);
    watch?.onEvent(e);
    endSample?.observe(e);
  });
  platform.deploy(deploymentOf(config, compiled, inspector ? { timeoutMs: DEBUG_TIME_LIMIT_MS } : {}));
  try {
    const record = await platform.invoke(config.functionName, event);
    if (watch?.sampling && record.instanceId) await endSample?.until(record.requestId, record.instanceId);
    return record;
  } finally {
    platform.shutdown();
    clock.close();
  }
}

/** The host options a watch asks for: samples at the host's default interval, and a profile when one is wanted. */
export function watchedHost(watch: RunWatch | undefined): { metricsIntervalMs: number; profile?: CpuProfileRequest } {
  return { metricsIntervalMs: watch?.sampling ? DEFAULT_SAMPLE_MS : 0, ...(watch?.profile ? { profile: watch.profile } : {}) };
}

/** Waits, briefly, for the sample an instance takes at the end of a request, or for the instance's end. */
class EndSampleWait {
  readonly #done = new Set<string>();
  #wake: (() => void) | undefined;

  observe(e: PlatformEvent): void {
    if (e.type === 'instance-metrics' && e.sample.requestId !== undefined) this.#done.add(e.sample.requestId);
    else if (e.type === 'instance-crashed' || e.type === 'instance-timed-out') this.#done.add(e.instanceId);
    else return;
    this.#wake?.();
  }

  until(requestId: string, instanceId: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, END_SAMPLE_WAIT_MS);
      this.#wake = () => {
        if (!this.#done.has(requestId) && !this.#done.has(instanceId)) return;
        clearTimeout(timer);
        resolve();
      };
      this.#wake();
    });
  }
}
