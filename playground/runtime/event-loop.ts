/** Handles the host itself keeps open in an instance: its message channel and the ports behind stdout and stderr. */
const HOST_RESOURCES = new Set(['MessagePort']);

type ActiveResources = () => string[];

/**
 * Waits until nothing of the function's keeps the event loop alive (timers, sockets, file operations), as Lambda and
 * SCF do before answering for a callback handler. Node's `process.getActiveResourcesInfo` says what is pending;
 * a host without it (the browser) cannot tell, and the answer goes out at once.
 */
export function eventLoopDrain(process: unknown): (() => Promise<void>) | undefined {
  const active = (process as { getActiveResourcesInfo?: unknown } | null)?.getActiveResourcesInfo;
  if (typeof active !== 'function') return undefined;
  const pending = (): boolean => (active as ActiveResources).call(process).some((resource) => !HOST_RESOURCES.has(resource));
  return () =>
    new Promise((resolve) => {
      // Looked at from an immediate: a timer still counts as active inside its own callback, and promise
      // callbacks the handler queued run first and may start more work. Between looks, a timer lets the loop sleep.
      const look = (): void => {
        if (pending()) setTimeout(() => setImmediate(look), 1);
        else resolve();
      };
      setImmediate(look);
    });
}
