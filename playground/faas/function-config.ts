import type { KeepAlivePolicy } from './keep-alive-policy.ts';
import type { Dialect } from './protocol.ts';

/** What a deployment says about one function; the platform reads it when the function is deployed or updated. */
export interface FunctionConfig {
  name: string;
  dialect: Dialect;
  /** Name of the export to call, e.g. "main_handler" for handler "index.main_handler". */
  exportName: string;
  /** Compiled bundle; a new bundle retires the instances of the old one. */
  bundle: string;
  files?: Record<string, string>;
  /**
   * The function's layers, compiled, by path under /opt: each new instance mounts them. A function pins the layer
   * versions it is deployed with; binding a new version is an update, which retires the old instances.
   */
  opt?: Record<string, string>;
  env?: Record<string, string>;
  memoryMb: number;
  timeoutS: number;
  /**
   * Reserved concurrency: a request that arrives while this many instances are busy or starting is throttled.
   * Idle instances do not count. Absent means no limit.
   */
  maxConcurrency?: number;
  /** Instances started ahead of traffic and never reclaimed for idleness. */
  provisionedConcurrency?: number;
  /** Idle seconds before an instance is reclaimed (the fixed keep-alive policy). */
  keepAliveS?: number;
  /** Replaces the policy built from keepAliveS and provisionedConcurrency. */
  policy?: KeepAlivePolicy;
}

/** Lambda keeps idle instances for roughly this long; the platform uses it when a function says nothing. */
export const DEFAULT_KEEP_ALIVE_S = 600;
