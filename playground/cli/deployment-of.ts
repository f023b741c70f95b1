import type { CompiledFunction } from '../compiler/browser-protocol.ts';
import type { FunctionConfig as DeployedFunction } from '../faas/function-config.ts';
import type { FunctionConfig } from './function-config.ts';

/** Limits a command sets on top of the project's own settings. */
export interface DeploymentLimits {
  maxConcurrency?: number | undefined;
  keepAliveS?: number | undefined;
  /** Overrides the function's timeout (a debugger suspends it). */
  timeoutMs?: number | undefined;
}

/** What the Platform deploys for a resolved function: the one mapping every command (invoke, load, serve) uses. */
export function deploymentOf(config: FunctionConfig, compiled: CompiledFunction, limits: DeploymentLimits = {}): DeployedFunction {
  return {
    name: config.functionName,
    dialect: config.dialect,
    exportName: config.exportName,
    bundle: compiled.bundle,
    ...(compiled.layer ? { opt: compiled.layer } : {}),
    env: config.env,
    memoryMb: config.memoryMb,
    timeoutS: (limits.timeoutMs ?? config.timeoutMs) / 1000,
    ...(limits.maxConcurrency === undefined ? {} : { maxConcurrency: limits.maxConcurrency }),
    ...(limits.keepAliveS === undefined ? {} : { keepAliveS: limits.keepAliveS }),
  };
}
