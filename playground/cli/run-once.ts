import { randomUUID } from 'node:crypto';
import type { InvocationRecord } from '../faas/invocation-record.ts';
import { Platform } from '../faas/platform.ts';
import type { LogLevel } from '../faas/protocol.ts';
import { RealClock } from '../faas/real-clock.ts';
import { DEBUG_TIME_LIMIT_MS } from '../hosts/node/inspector.ts';
import type { InspectorOptions } from '../hosts/node/inspector.ts';
import { NodeInstanceHost } from '../hosts/node/node-instance-host.ts';
import { ClosableClock } from './closable-clock.ts';
import type { FunctionConfig } from './function-config.ts';

export type LogListener = (requestId: string | null, level: LogLevel, message: string, time: number) => void;

/**
 * One request on a fresh platform, as `sam local invoke` does: a cold start on a real worker, the request, then
 * everything shut down. Log lines are passed on as they happen. Under a debugger (`inspector`) neither init nor
 * the request times out.
 */
export async function runOnce(config: FunctionConfig, bundle: string, event: unknown, onLog: LogListener, inspector?: InspectorOptions): Promise<InvocationRecord> {
  const clock = new ClosableClock(new RealClock());
  const host = new NodeInstanceHost({ functionRoot: config.root, clock, ...(inspector ? { inspector } : {}) });
  const platform = new Platform({ clock, host, keepLogs: false, requestIds: randomUUID, ...(inspector ? { initLimitMs: DEBUG_TIME_LIMIT_MS } : {}) });
  platform.on((e) => {
    if (e.type === 'log') onLog(e.requestId, e.level, e.message, e.time);
  });
  platform.deploy({
    name: config.functionName,
    dialect: config.dialect,
    exportName: config.exportName,
    bundle,
    env: config.env,
    memoryMb: config.memoryMb,
    timeoutS: (inspector ? DEBUG_TIME_LIMIT_MS : config.timeoutMs) / 1000,
  });
  try {
    return await platform.invoke(config.functionName, event);
  } finally {
    platform.shutdown();
    clock.close();
  }
}
