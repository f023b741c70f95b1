import type { Clock } from '../faas/clock.ts';
import type { InstanceSpec, InvokeRequest } from '../faas/instance-host.ts';
import { PROTOCOL_VERSION, type ContextFields, type InitMessage, type InvokeMessage } from '../faas/protocol.ts';

/** The `init` message every host sends a new instance. */
export function initMessage(spec: InstanceSpec): InitMessage {
  return {
    v: PROTOCOL_VERSION,
    type: 'init',
    bundle: spec.bundle,
    exportName: spec.exportName,
    dialect: spec.dialect,
    env: spec.env,
    files: spec.files,
    ...(spec.opt ? { opt: spec.opt } : {}),
    limits: { memoryMb: spec.memoryMb, timeoutMs: spec.timeoutMs },
    functionName: spec.functionName,
  };
}

/**
 * The `invoke` message for a request. The instance computes getRemainingTimeInMillis() from the deadline in epoch
 * milliseconds, so a deadline on another clock (a virtual one) is carried over as the same distance from now.
 */
export function invokeMessage(spec: InstanceSpec, request: InvokeRequest, region: string | undefined, clock: Clock | undefined): InvokeMessage {
  const context: ContextFields = {
    requestId: request.requestId,
    functionName: spec.functionName,
    functionVersion: '$LATEST',
    memoryLimitInMB: spec.memoryMb,
    timeLimitInMs: spec.timeoutMs,
    namespace: 'default',
    region: region ?? (spec.dialect === 'scf' ? 'ap-guangzhou' : 'us-east-1'),
  };
  const deadline = clock ? Date.now() + (request.deadline - clock.now()) : request.deadline;
  const message: InvokeMessage = { v: PROTOCOL_VERSION, type: 'invoke', requestId: request.requestId, event: request.event, context, deadline };
  if (request.profile) message.profile = true;
  return message;
}
