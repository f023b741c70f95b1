import { randomUUID } from 'node:crypto';
import type { ExitReason, StartPhases } from '../faas/instance-host.ts';
import type { ErrorInfo, LogLevel, ResourceUsage } from '../faas/protocol.ts';
import { NodeInstanceHost } from '../hosts/node/node-instance-host.ts';
import type { FunctionConfig } from './function-config.ts';

export interface RunOnceOutcome {
  requestId: string;
  result: { ok: true; value: unknown } | { ok: false; error: ErrorInfo };
  /** Set when the instance started; absent when init failed before the handler ran. */
  phases?: StartPhases;
  durationMs: number;
  usage: ResourceUsage;
  /** How the instance ended when it ended on its own (crash, out-of-memory, timeout). */
  exit?: ExitReason;
  initFailed: boolean;
}

export type LogListener = (requestId: string | null, level: LogLevel, message: string, time: number) => void;

/** Lambda bounds a function's init to 10 s outside provisioned concurrency. */
const INIT_LIMIT_MS = 10_000;

/** One cold invocation on a fresh instance, as `sam local invoke` does: start, init, invoke once, shut down. */
export function runOnce(config: FunctionConfig, bundle: string, event: unknown, onLog: LogListener): Promise<RunOnceOutcome> {
  const requestId = randomUUID();
  return new Promise((resolve) => {
    let outcome: RunOnceOutcome | undefined;
    let phases: StartPhases | undefined;
    let invokedAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (value: RunOnceOutcome, reason: ExitReason): void => {
      if (outcome) return;
      outcome = value;
      clearTimeout(timer);
      handle.terminate(reason);
    };
    const failure = (error: ErrorInfo, initFailed: boolean, exit?: ExitReason): RunOnceOutcome => ({
      requestId,
      result: { ok: false, error },
      durationMs: invokedAt ? performance.now() - invokedAt : 0,
      usage: exit === 'out-of-memory' ? { maxMemoryMb: config.memoryMb } : {},
      initFailed,
      ...(phases ? { phases } : {}),
      ...(exit ? { exit } : {}),
    });

    const host = new NodeInstanceHost({ functionRoot: config.root });
    const handle = host.start(
      { instanceId: requestId.slice(0, 8), functionName: config.functionName, dialect: config.dialect, exportName: config.exportName, bundle, files: {}, env: config.env, memoryMb: config.memoryMb, timeoutMs: config.timeoutMs },
      {
        onReady(started) {
          phases = started;
          clearTimeout(timer);
          invokedAt = performance.now();
          handle.invoke({ requestId, event, deadline: Date.now() + config.timeoutMs });
          timer = setTimeout(() => {
            const seconds = (config.timeoutMs / 1000).toFixed(2);
            settle(failure({ errorType: 'Sandbox.Timedout', errorMessage: `${new Date().toISOString()} ${requestId} Task timed out after ${seconds} seconds` }, false, 'timeout'), 'timeout');
          }, config.timeoutMs);
        },
        onInitError(error) {
          settle(failure(error, true), 'init-error');
        },
        onLog: onLog,
        onResult(result) {
          settle({ requestId, result: result.result, durationMs: result.durationMs, usage: result.usage, initFailed: false, ...(phases ? { phases } : {}) }, 'shutdown');
        },
        onExit(reason, error) {
          clearTimeout(timer);
          if (!outcome) {
            const info = error ?? { errorType: 'Runtime.ExitError', errorMessage: `the instance ended (${reason})` };
            outcome = failure(info, phases === undefined, reason);
          }
          resolve(outcome);
        },
      },
    );
    timer = setTimeout(() => {
      settle(failure({ errorType: 'Runtime.InitTimeout', errorMessage: `Init did not finish within ${INIT_LIMIT_MS / 1000} seconds` }, true, 'timeout'), 'timeout');
    }, INIT_LIMIT_MS);
  });
}
