import type { FunctionConfig } from './function-config.ts';
import { IdlePool } from './idle-pool.ts';
import type { Instance } from './instance.ts';
import type { Throttle } from './invocation-record.ts';
import type { KeepAlivePolicy } from './keep-alive-policy.ts';
import type { Dialect, ErrorInfo } from './protocol.ts';
import type { RoutingRule } from './routing-rule.ts';

/** One deployed version of a function and its live instances: the platform's private bookkeeping. */
export class Deployment {
  readonly config: FunctionConfig;
  readonly name: string;
  readonly dialect: Dialect;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  readonly maxConcurrency: number;
  readonly policy: KeepAlivePolicy;
  readonly idle: IdlePool;
  readonly instances = new Set<Instance>();
  /** Instances started ahead of traffic that are still starting and nobody waits for yet, oldest first. */
  readonly unclaimed: Instance[] = [];
  /** This version's instances that are starting, initializing or busy. */
  active = 0;
  /**
   * The same count over every version of the function still running something: reserved concurrency is the
   * function's, so a request still busy on the old version counts against the new one.
   */
  readonly inUse: { active: number };
  busy = 0;
  /** Replaced by a newer version or removed: its policy is detached and its instances end when free. */
  retired = false;
  /** Throttle answers are the same every time, so they are made once. */
  concurrencyThrottle: { throttle: Throttle; error: ErrorInfo } | null = null;
  rateThrottle: { throttle: Throttle; error: ErrorInfo } | null = null;

  constructor(config: FunctionConfig, policy: KeepAlivePolicy, routing: RoutingRule, previous: Deployment | undefined) {
    this.inUse = previous ? previous.inUse : { active: 0 };
    this.config = config;
    this.name = config.name;
    this.dialect = config.dialect;
    this.memoryMb = config.memoryMb;
    this.timeoutMs = config.timeoutS * 1000;
    this.maxConcurrency = config.maxConcurrency ?? Infinity;
    this.policy = policy;
    this.idle = new IdlePool(routing);
  }
}
