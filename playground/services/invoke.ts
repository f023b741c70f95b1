import type { InvocationRecord } from '../faas/invocation-record.ts';

/**
 * How a service calls a function: `Platform.invoke`, or a wrapper around it that also shows the record to someone
 * (the workshop's checks do). Services never run handlers themselves, so cold and warm starts, logs and billing stay
 * the platform's.
 */
export type Invoke = (functionName: string, event: unknown) => Promise<InvocationRecord>;
