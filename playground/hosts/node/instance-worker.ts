import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { createInstanceRuntime } from '../../runtime/instance-runtime.ts';
import { openInspector } from './inspector.ts';
import type { WorkerInspectorData } from './inspector.ts';
import { scopedFs } from './scoped-fs.ts';
import { nodeUsageMeter } from './usage-meter.ts';

/** The worker_threads entry of one instance: Node's versions of the runtime's capabilities. */
export interface InstanceWorkerData {
  functionRoot: string;
  tmpDir: string;
  inspector?: WorkerInspectorData;
  /** Where each invocation's end figures go, for the host's end-of-invocation metrics sample. */
  endFigures?: SharedArrayBuffer;
}

const port = parentPort;
if (!port) throw new Error('instance-worker.ts must run inside a worker thread');
const data = workerData as InstanceWorkerData;
const { fs, promises } = scopedFs(data.tmpDir, data.functionRoot);
process.cwd = () => data.functionRoot;
const requireFromFunction = createRequire(join(data.functionRoot, 'index.js'));

const runtime = createInstanceRuntime({
  post: (message) => port.postMessage(message),
  now: () => Date.now(),
  monotonic: () => performance.now(),
  console,
  process,
  require(specifier) {
    if (specifier === 'fs' || specifier === 'node:fs') return fs;
    if (specifier === 'fs/promises' || specifier === 'node:fs/promises') return promises;
    return requireFromFunction(specifier);
  },
  resolve: (specifier) => requireFromFunction.resolve(specifier),
  functionRoot: data.functionRoot,
  format: (args) => format(...args),
  usage: nodeUsageMeter(data.endFigures),
  fetchScope: globalThis,
});

process.on('uncaughtException', (error) => runtime.fail(error));
process.on('unhandledRejection', (reason) => runtime.fail(reason, 'Runtime.UnhandledPromiseRejection'));
if (data.inspector) openInspector(data.inspector);
port.on('message', (message: unknown) => runtime.receive(message));
