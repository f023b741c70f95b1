import type { ExitReason } from './instance-host.ts';
import type { InvocationStatus, Throttle } from './invocation-record.ts';
import type { Dialect, ErrorInfo } from './protocol.ts';

export type ThrottleCause = 'concurrency' | 'scale-out-rate';

/** The refusal a caller sees when a request cannot get an instance, in the dialect's own words and status code. */
export function throttleFor(dialect: Dialect, cause: ThrottleCause, functionName: string, limit: number): { throttle: Throttle; error: ErrorInfo } {
  if (dialect === 'lambda') {
    const reason = cause === 'concurrency' ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : 'FunctionInvocationRateLimitExceeded';
    return { throttle: { httpStatus: 429, reason }, error: { errorType: 'TooManyRequestsException', errorMessage: `Rate Exceeded. (Reason: ${reason})` } };
  }
  if (cause === 'concurrency') {
    return {
      throttle: { httpStatus: 432, reason: 'ResourceLimitReached' },
      error: { errorType: 'ResourceLimitReached', errorMessage: `Function [${functionName}] concurrency exceeded reserved quota (${limit} concurrent instances)` },
    };
  }
  return {
    throttle: { httpStatus: 429, reason: 'ResourceLimit' },
    error: { errorType: 'ResourceLimit', errorMessage: `Function [${functionName}] exceeded the scale-out rate (${limit} new instances per window)` },
  };
}

/** The invoke API's status code for a request that reached an instance and ended with `status`. */
export function invokeStatusCode(dialect: Dialect, status: InvocationStatus): number {
  if (dialect === 'lambda' || status === 'ok') return 200;
  switch (status) {
    case 'timeout':
      return 433;
    case 'oom':
      return 434;
    case 'crashed':
      return 405;
    default:
      return 430;
  }
}

/** Lambda's wording for a handler that overran its timeout. */
export function timeoutError(timeoutMs: number): ErrorInfo {
  return { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds` };
}

/** What a request learns when its instance went away under it and the host did not say why. */
export function exitError(reason: ExitReason, requestId: string): ErrorInfo {
  switch (reason) {
    case 'out-of-memory':
      return { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` };
    case 'protocol-error':
      return { errorType: 'Runtime.ProtocolError', errorMessage: `RequestId: ${requestId} Error: the instance broke the instance protocol` };
    default:
      return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited (${reason})` };
  }
}
