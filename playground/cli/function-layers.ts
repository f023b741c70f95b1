import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dialect } from '../faas/protocol.ts';
import type { LocalLayer } from '../project/project-file.ts';
import { UsageError } from './usage-error.ts';

/** A function's local layers on this disk: what its `/opt` shows, and where its bare `require`s look after its own node_modules. */
export interface FunctionLayers {
  /** Each layer's folder, in binding order (a later layer's file wins, as the platform extracts them in turn into /opt). */
  dirs: string[];
  /** The layers' folders that the platform's NODE_PATH names, in search order. */
  modulePath: string[];
}

/**
 * Finds the folders the project file names as layers, relative to the file's folder; one that is not there is a
 * configuration error, since the function would run without code it relies on. Lambda's Node runtimes search
 * /opt/nodejs/nodeN/node_modules then /opt/nodejs/node_modules; SCF searches /opt then /opt/node_modules.
 */
export function functionLayers(base: string, declared: LocalLayer[] | undefined, dialect: Dialect, nodeMajor: number, source: string): FunctionLayers {
  const dirs = (declared ?? []).map((layer) => {
    const dir = resolve(base, layer.path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${source}: layer ${layer.name}: its folder ${layer.path} (${dir}) does not exist`);
    return dir;
  });
  const mounted = dialect === 'lambda' ? [`nodejs/node${nodeMajor}/node_modules`, 'nodejs/node_modules'] : ['', 'node_modules'];
  const lastFirst = [...dirs].reverse();
  return { dirs, modulePath: mounted.flatMap((folder) => lastFirst.map((dir) => join(dir, folder))) };
}
