import type { CompiledFunction } from '../../compiler/browser-protocol.ts';
import type { Platform } from '../../faas/platform.ts';
import { deploymentOf } from '../deployment-of.ts';
import type { FunctionConfig } from '../function-config.ts';

/** A function serve has deployed: its settings, and which version of its code is live. */
export interface ServedFunction {
  config: FunctionConfig;
  compiled: CompiledFunction;
  /** 1 at start, one more for every reload under --watch. */
  version: number;
}

export interface ServeLimits {
  /** Reserved concurrency for every function: busy or starting instances beyond it are throttled. */
  maxConcurrency?: number;
  keepAliveS?: number;
}

/**
 * The functions on serve's Platform, by the names the platform knows them under, and the code version each
 * instance started with, so the access log can say that a cold start runs the new code.
 */
export class ServedFunctions {
  readonly #platform: Platform;
  readonly #limits: ServeLimits;
  readonly #functions = new Map<string, ServedFunction>();
  readonly #instanceVersions = new Map<string, number>();

  constructor(platform: Platform, limits: ServeLimits) {
    this.#platform = platform;
    this.#limits = limits;
    platform.on((event) => {
      if (event.type === 'instance-starting') {
        const served = this.#functions.get(event.functionName);
        if (served) this.#instanceVersions.set(event.instanceId, served.version);
      } else if (event.type === 'instance-reclaimed' || event.type === 'instance-crashed' || event.type === 'init-error') {
        this.#instanceVersions.delete(event.instanceId);
      }
    });
  }

  /** Deploys a function's code (again): the old version's instances end once idle. Returns the live version. */
  deploy(config: FunctionConfig, compiled: CompiledFunction): number {
    const version = (this.#functions.get(config.functionName)?.version ?? 0) + 1;
    this.#functions.set(config.functionName, { config, compiled, version });
    this.#platform.deploy(deploymentOf(config, compiled, this.#limits));
    return version;
  }

  get(functionName: string): ServedFunction | undefined {
    return this.#functions.get(functionName);
  }

  /** The function an Invoke API call names: the platform's name, or the key it has in the project file. */
  byInvokeName(name: string): ServedFunction | undefined {
    return this.#functions.get(name) ?? [...this.#functions.values()].find((f) => f.config.declared?.name === name);
  }

  all(): ServedFunction[] {
    return [...this.#functions.values()];
  }

  versionOf(instanceId: string): number | undefined {
    return this.#instanceVersions.get(instanceId);
  }
}
