/// <reference lib="webworker" />
/**
 * The Web Worker entry of one browser instance: the shared runtime with the sandbox's stand-ins for Node's modules.
 * It runs as a blob worker of the sandboxed frame; the page reaches it only through the MessagePort that arrives in
 * the first message, so nothing the user's code could post by other means reaches the page.
 */
import type { InstanceMessage } from '../../faas/protocol.ts';
import { createInstanceRuntime } from '../../runtime/instance-runtime.ts';
import type { InstanceRuntime } from '../../runtime/instance-runtime.ts';
import { createSandboxModules } from '../../runtime/sandbox-modules.ts';
import { functionRootFor, LOG_MESSAGE_CAP, ONLINE } from './frame-protocol.ts';
import { startSelfProfiler } from './self-profiler.ts';
import type { WorkerBoot } from './frame-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', function boot(event: MessageEvent<WorkerBoot>) {
  scope.removeEventListener('message', boot);
  const port = (event.data as Partial<WorkerBoot> | null)?.port;
  if (!(port instanceof MessagePort)) return scope.close();
  sealGlobalChannels();
  start(port);
});

function start(port: MessagePort): void {
  // Bound now, before user code runs: a handler that replaces MessagePort.prototype.postMessage or MessageEvent's
  // `data` getter would otherwise be handed the port (`this`, `event.target`) the next time the runtime used them,
  // and could forge results or flood the page's thread on it.
  const send = MessagePort.prototype.postMessage.bind(port) as (message: unknown) => void;
  const dataGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get;
  if (!dataGetter) return scope.close();
  const dataOf = Function.prototype.call.bind(dataGetter) as (event: MessageEvent) => unknown;
  let runtime: InstanceRuntime | undefined;
  const post = cappedLogs(send);
  port.onmessage = (event: MessageEvent<unknown>) => {
    const data = dataOf(event);
    runtime ??= createRuntime(data, post);
    runtime.receive(data);
  };
  send({ type: ONLINE, at: performance.timeOrigin + performance.now() });
}

/** Built on the first message, the init: the files and dialect decide what the sandboxed `fs` and root hold. */
function createRuntime(init: unknown, post: (message: InstanceMessage) => void): InstanceRuntime {
  const fields = typeof init === 'object' && init !== null ? (init as { files?: unknown; dialect?: unknown }) : {};
  const root = functionRootFor(fields.dialect);
  const modules = createSandboxModules({
    root,
    files: stringEntries(fields.files),
    onExit: (code) => runtime.fail(new Error(`Runtime exited with error: exit status ${code}`), 'Runtime.ExitError'),
  });
  const runtime = createInstanceRuntime({
    post,
    now: () => Date.now(),
    monotonic: () => performance.now(),
    console: globalThis.console,
    process: modules.process,
    require: modules.require,
    resolve: modules.resolve,
    functionRoot: root,
    profiler: startSelfProfiler,
    fetchScope: globalThis,
    // On a profiling frame's main thread (ProfileFrames) the profiler needs the bundle under the document's URL.
    ...('document' in globalThis ? { bundleName: `${location.href}#function.js` } : {}),
  });
  scope.addEventListener('error', (error) => {
    error.preventDefault();
    runtime.fail(error.error ?? new Error(error.message));
  });
  scope.addEventListener('unhandledrejection', (rejection) => {
    rejection.preventDefault();
    runtime.fail(rejection.reason, 'Runtime.UnhandledPromiseRejection');
  });
  return runtime;
}

function stringEntries(files: unknown): Record<string, string> {
  if (typeof files !== 'object' || files === null) return {};
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The runtime caps log characters per request, but a loop of empty `console.log()` calls would still send one
 * message per call. Past the cap the rest of that request's lines are dropped here, before they cost the page anything.
 */
function cappedLogs(send: (message: InstanceMessage) => void): (message: InstanceMessage) => void {
  let request: string | null = null;
  let count = 0;
  return (message) => {
    if (message.type !== 'log') return send(message);
    if (message.requestId !== request) {
      request = message.requestId;
      count = 0;
    }
    count += 1;
    if (count < LOG_MESSAGE_CAP) return send(message);
    if (count === LOG_MESSAGE_CAP) {
      send({ ...message, level: 'warn', message: `[hello-serverless] more than ${LOG_MESSAGE_CAP} log lines in this request; the rest are dropped` });
    }
  };
}

/**
 * User code shares this global scope. Without `postMessage` it cannot write to the frame (which would flood the
 * page's thread where the browser keeps sandboxed frames in the page's process), without `close` it cannot end
 * the worker silently, and without `importScripts` it cannot pull scripts from other URLs into the instance (Node,
 * where the function really runs, has none): its ways out are its result, its logs and its errors.
 */
function sealGlobalChannels(): void {
  const instead: Record<string, string> = {
    postMessage: 'return a value or log instead',
    close: 'return a value or log instead',
    importScripts: 'import the code in your function\'s files, so it is bundled with it',
  };
  for (const [name, advice] of Object.entries(instead)) {
    const refuse = () => {
      throw new Error(`${name}() is not available to functions in the playground; ${advice}`);
    };
    for (let target: object | null = scope; target && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
      if (Object.prototype.hasOwnProperty.call(target, name)) Object.defineProperty(target, name, { value: refuse, configurable: false, writable: false });
    }
  }
}
