import { randomUUID } from 'node:crypto';
import type { InvocationRecord } from '../faas/invocation-record.ts';
import { Platform } from '../faas/platform.ts';
import type { LogLevel } from '../faas/protocol.ts';
import { RealClock } from '../faas/real-clock.ts';
import { NodeInstanceHost } from '../hosts/node/node-instance-host.ts';
import { ClosableClock } from './closable-clock.ts';
import type { FunctionConfig } from './function-config.ts';

export type LogListener = (requestId: string | null, level: LogLevel, message: string, time: number) => void;

/**
 * One request on a fresh platform, as `sam local invoke` does: a cold start on a real worker, the request, then
 * everything shut down. Log lines are passed on as they happen.
 */
export async function runOnce(config: FunctionConfig, bundle: string, event: unknown, onLog: LogListener): Promise<InvocationRecord> {
  const clock = new ClosableClock(new RealClock());
  const platform = new Platform({ clock, host: new NodeInstanceHost({ functionRoot: config.root, clock }), keepLogs: false, requestIds: randomUUID });
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
    timeoutS: config.timeoutMs / 1000,
  });
  try {
    return await platform.invoke(config.functionName, event);
  } finally {
    platform.shutdown();
    clock.close();
  }
}
