import type { Clock } from '../../faas/clock.ts';
import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec } from '../../faas/instance-host.ts';
import type { InspectorOptions } from '../../hosts/node/inspector.ts';
import { NodeInstanceHost } from '../../hosts/node/node-instance-host.ts';
import type { PlatformProfileName } from '../../model/platform-profiles.ts';
import { profiledHost } from '../platform-profile.ts';

/** What serve asks of the Node host for one function's instances. */
export interface ServeHostOptions {
  /** The function's code folder, which its instances read files and packages from. */
  functionRoot: string;
  /** Where its layers' packages are (the layers' NODE_PATH). */
  modulePath: string[];
  clock: Clock;
  inspector?: InspectorOptions;
  platformProfile: PlatformProfileName;
}

/**
 * The one place serve makes a Node instance host. Options that change how instances run (an inspector on one
 * instance at a time, for instance) belong here, so every instance serve starts gets them.
 */
export function createServeHost(options: ServeHostOptions): InstanceHost {
  const host = new NodeInstanceHost({ functionRoot: options.functionRoot, modulePath: options.modulePath, clock: options.clock, ...(options.inspector ? { inspector: options.inspector } : {}) });
  return profiledHost(host, options.clock, options.platformProfile);
}

/** One Platform, several functions whose code may live in different folders: each function's own host starts its instances. */
export class FunctionHosts implements InstanceHost {
  readonly #hosts = new Map<string, InstanceHost>();

  add(functionName: string, host: InstanceHost): void {
    this.#hosts.set(functionName, host);
  }

  start(spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    const host = this.#hosts.get(spec.functionName);
    if (!host) throw new Error(`no instance host for function ${spec.functionName}`);
    return host.start(spec, listener);
  }
}
