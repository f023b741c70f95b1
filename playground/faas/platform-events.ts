import type { StartPhases } from './instance-host.ts';
import type { InvocationRecord, Throttle } from './invocation-record.ts';
import type { ErrorInfo, LogLevel, MetricSample } from './protocol.ts';

/** Why an instance was started: for a waiting request, ahead of traffic by a policy, or to keep provisioned capacity. */
export type StartCause = 'request' | 'prewarm' | 'provisioned';

/** Why an idle or retired instance was ended by the platform. */
export type ReclaimCause = 'keep-alive' | 'policy' | 'retired' | 'shutdown';

/** What happened on the platform, in clock order, for timelines and logs. `time` is clock milliseconds. */
export type PlatformEvent =
  | { type: 'instance-starting'; time: number; functionName: string; instanceId: string; cause: StartCause }
  | { type: 'instance-ready'; time: number; functionName: string; instanceId: string; phases: StartPhases }
  | { type: 'init-error'; time: number; functionName: string; instanceId: string; error: ErrorInfo; phases: StartPhases }
  | { type: 'invoke-start'; time: number; functionName: string; instanceId: string; requestId: string; cold: boolean }
  | { type: 'invoke-end'; time: number; functionName: string; instanceId: string | null; requestId: string; record: InvocationRecord }
  | { type: 'throttled'; time: number; functionName: string; requestId: string; throttle: Throttle }
  | { type: 'instance-reclaimed'; time: number; functionName: string; instanceId: string; cause: ReclaimCause }
  | { type: 'instance-crashed'; time: number; functionName: string; instanceId: string; reason: string; error: ErrorInfo | null }
  | { type: 'instance-timed-out'; time: number; functionName: string; instanceId: string; requestId: string }
  | { type: 'instance-metrics'; time: number; functionName: string; instanceId: string; sample: MetricSample }
  | { type: 'log'; time: number; functionName: string; instanceId: string; requestId: string | null; level: LogLevel; message: string };

export type PlatformEventType = PlatformEvent['type'];
