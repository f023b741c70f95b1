import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec } from '../../playground/faas/instance-host.ts';
import { Platform } from '../../playground/faas/platform.ts';
import type { Invoke } from '../../playground/services/invoke.ts';
import { ManualClock } from './faas/manual-clock.ts';

/** A handler for the services' specs: returns its answer, or throws to fail the invocation. */
export type ScriptedHandler = (event: unknown) => unknown;

/** A host whose instances answer at once with the scripted handler of their function. */
class ScriptedHost implements InstanceHost {
  readonly #handlers: Record<string, ScriptedHandler>;
  constructor(handlers: Record<string, ScriptedHandler>) {
    this.#handlers = handlers;
  }
  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    const handler = this.#handlers[spec.functionName]!;
    listener.onReady({ spawnMs: 0, loadMs: 0, initMs: 0 });
    return {
      invoke: (request) => {
        try {
          listener.onResult({ requestId: request.requestId, durationMs: 1, usage: {}, result: { ok: true, value: handler(request.event) } });
        } catch (error) {
          listener.onResult({ requestId: request.requestId, durationMs: 1, usage: {}, result: { ok: false, error: { errorType: 'Error', errorMessage: String(error) } } });
        }
      },
      terminate: (reason) => listener.onExit(reason),
    };
  }
}

/** A real Platform (cold and warm starts, records) whose functions are the given scripted handlers. */
export function scriptedPlatform(handlers: Record<string, ScriptedHandler>): { platform: Platform; invoke: Invoke } {
  const platform = new Platform({ clock: new ManualClock(), host: new ScriptedHost(handlers) });
  for (const name of Object.keys(handlers)) platform.deploy({ name, dialect: 'scf', exportName: 'main_handler', bundle: '', memoryMb: 128, timeoutS: 3 });
  return { platform, invoke: (name, event) => platform.invoke(name, event) };
}
