import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, ServiceAnswer } from '../../playground/faas/instance-host.ts';
import { Platform } from '../../playground/faas/platform.ts';
import type { Invoke } from '../../playground/services/invoke.ts';
import { ManualClock } from './faas/manual-clock.ts';

/** What a scripted handler gets besides its event: its variables, and a POST to a service of the platform. */
export interface ScriptedInstance {
  env: Record<string, string>;
  post(url: string, body: string): Promise<ServiceAnswer>;
}

/** A handler for the services' specs: returns (or resolves with) its answer, or throws to fail the invocation. */
export type ScriptedHandler = (event: unknown, instance: ScriptedInstance) => unknown;

/** A host whose instances answer with the scripted handler of their function (at once when it returns a plain value). */
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
        const instance: ScriptedInstance = {
          env: spec.env,
          post: (url, body) => listener.onServiceCall!({ requestId: request.requestId, url, method: 'POST', body }),
        };
        const fail = (error: unknown) => listener.onResult({ requestId: request.requestId, durationMs: 1, usage: {}, result: { ok: false, error: { errorType: 'Error', errorMessage: String(error) } } });
        const succeed = (value: unknown) => listener.onResult({ requestId: request.requestId, durationMs: 1, usage: {}, result: { ok: true, value } });
        try {
          const value = handler(request.event, instance);
          if (value instanceof Promise) value.then(succeed, fail);
          else succeed(value);
        } catch (error) {
          fail(error);
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
