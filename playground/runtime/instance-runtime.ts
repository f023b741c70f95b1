import { parseHostMessage, PROTOCOL_VERSION } from '../faas/protocol.ts';
import type { ErrorInfo, InitMessage, InvokeMessage } from '../faas/protocol.ts';
import { callHandler, refusedCallbackHandler } from './call-handler.ts';
import type { Handler } from './call-handler.ts';
import { DEFAULT_LIMITS } from './capabilities.ts';
import type { InstanceCapabilities, OutputLimits, RunningProfile } from './capabilities.ts';
import { buildContext, environmentStrings, platformEnv } from './context.ts';
import type { EnvironmentStrings } from './context.ts';
import { mapLocations, toErrorInfo } from './error-info.ts';
import type { StackMapper } from './error-info.ts';
import { eventLoopDrain } from './event-loop.ts';
import { formatLogArgs } from './format.ts';
import { functionRequire } from './function-require.ts';
import { LogCapture } from './log-capture.ts';
import { mountLayers } from './layer-mount.ts';
import type { LayerMount } from './layer-mount.ts';
import { evaluateBundle, exportNames, findExport, indirectEval, WRAPPER_LINE_OFFSET } from './module-loader.ts';
import { installServiceFetch } from './service-fetch.ts';
import { readInlineSourceMap } from './source-map.ts';
import { VIRTUAL_NAMESPACE } from '../compiler/bundle-contract.ts';

export interface InstanceRuntime {
  /** Feeds one message from the host. */
  receive(data: unknown): void;
  /** Reports that the instance cannot go on (uncaught exception, unhandled rejection, exit). */
  fail(thrown: unknown, errorType?: string): void;
  /** The request being handled, if any. */
  currentRequestId(): string | null;
}

const BUNDLE_FILE = 'function.js';

/** Everything that happens inside one instance: init once, then one invocation at a time. */
export function createInstanceRuntime(caps: InstanceCapabilities): InstanceRuntime {
  const limits: OutputLimits = { ...DEFAULT_LIMITS, ...caps.limits };
  const logs = new LogCapture(
    (requestId, level, message) => caps.post({ v: PROTOCOL_VERSION, type: 'log', requestId, level, message, time: caps.now() }),
    caps.format ?? formatLogArgs,
    limits,
  );
  logs.install(caps.console);

  let init: InitMessage | undefined;
  let functionEnv: EnvironmentStrings = environmentStrings({});
  let handler: Handler | undefined;
  let mapper: StackMapper | undefined;
  let current: string | null = null;
  let failed = false;

  const fatal = (error: ErrorInfo): void => {
    if (failed) return;
    failed = true;
    caps.post({ v: PROTOCOL_VERSION, type: 'fatal', error });
  };

  // The layers are mounted once, at init: an instance keeps the versions it started with.
  let layers: LayerMount | undefined;
  const require = functionRequire((specifier) => {
    const fromLayer = layers?.require(specifier);
    return fromLayer?.found ? fromLayer.exports : caps.require(specifier);
  }, caps.functionRoot, () => mapper);
  const resolve = (specifier: string): string => {
    const inLayer = layers?.resolve(specifier);
    if (inLayer !== undefined) return inLayer;
    if (caps.resolve) return caps.resolve(specifier);
    const error = new Error(`Cannot find module '${specifier}': require.resolve needs a host with a module resolver`) as Error & { code: string };
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  };
  const drain = eventLoopDrain(caps.process);
  const services = caps.fetchScope ? installServiceFetch(caps.fetchScope, (message) => caps.post(message), () => current) : undefined;

  const onInit = async (message: InitMessage): Promise<void> => {
    if (init) return fatal({ errorType: 'Runtime.ProtocolError', errorMessage: 'init received twice' });
    init = message;
    const env = { ...platformEnv(message.dialect, message.functionName, message.limits.memoryMb, caps.functionRoot), ...message.env };
    Object.assign(caps.process.env, env);
    functionEnv = environmentStrings(env);
    if (message.opt) layers = mountLayers(message.opt, (specifier) => caps.require(specifier), { process: caps.process, console: caps.console }, caps.evaluate ?? indirectEval);
    const stackMapper: StackMapper = { bundleFile: caps.bundleName ?? BUNDLE_FILE, lineOffset: WRAPPER_LINE_OFFSET, map: readInlineSourceMap(message.bundle), sourcePrefix: `${VIRTUAL_NAMESPACE}:` };
    mapper = stackMapper;
    logs.rewriteWith((text) => mapLocations(text, stackMapper));
    logs.begin(null);
    const started = caps.monotonic();
    try {
      const evaluated = evaluateBundle(message.bundle, { require, resolve, root: caps.functionRoot, process: caps.process, console: caps.console }, caps.bundleName ?? BUNDLE_FILE, caps.evaluate);
      const moduleExports = (evaluated instanceof Promise ? await evaluated : evaluated).exports;
      const found = findExport(moduleExports, message.exportName);
      if (typeof found !== 'function') {
        const names = exportNames(moduleExports);
        const hint = names.length > 0 ? `; the module exports ${names.join(', ')}` : '; the module exports nothing';
        caps.post({ v: PROTOCOL_VERSION, type: 'initError', error: { errorType: 'Runtime.HandlerNotFound', errorMessage: `${message.exportName} is undefined or not exported${hint}` } });
        return;
      }
      const refused = refusedCallbackHandler(env.AWS_EXECUTION_ENV, found as Handler);
      if (refused) {
        caps.post({ v: PROTOCOL_VERSION, type: 'initError', error: refused });
        return;
      }
      handler = found as Handler;
    } catch (error) {
      const info = toErrorInfo(error, mapper);
      // Lambda's name for a require that fails while loading the handler's module.
      const missingModule = (error as { code?: unknown } | null)?.code === 'MODULE_NOT_FOUND';
      caps.post({ v: PROTOCOL_VERSION, type: 'initError', error: missingModule ? { ...info, errorType: 'Runtime.ImportModuleError' } : info });
      return;
    }
    caps.post({ v: PROTOCOL_VERSION, type: 'ready', initMs: caps.monotonic() - started });
  };

  const onInvoke = (message: InvokeMessage): void => {
    if (!init || !handler) return fatal({ errorType: 'Runtime.ProtocolError', errorMessage: 'invoke before a successful init' });
    if (current !== null) return fatal({ errorType: 'Runtime.ProtocolError', errorMessage: `invoke ${message.requestId} while ${current} is running` });
    const requestId = message.requestId;
    current = requestId;
    logs.begin(requestId);
    caps.usage?.begin();
    const context = buildContext(message.context, functionEnv, () => message.deadline - caps.now());
    const profile = message.profile ? startProfile(caps) : undefined;
    const started = caps.monotonic();
    callHandler(handler, message.event, context as unknown as Record<string, unknown>, drain).then(
      (value) => finish(requestId, started, serialise(value, limits), profile),
      (error: unknown) => finish(requestId, started, { ok: false, error: toErrorInfo(error, mapper) }, profile),
    );
  };

  const finish = (requestId: string, started: number, result: { ok: true; value: unknown } | { ok: false; error: ErrorInfo }, profile: RunningProfile | undefined): void => {
    if (current !== requestId || failed) return;
    const durationMs = caps.monotonic() - started;
    const usage = caps.usage?.end() ?? {};
    current = null;
    logs.begin(null);
    const post = () => caps.post({ v: PROTOCOL_VERSION, type: 'result', requestId, durationMs, usage, ...result });
    if (!profile) return post();
    // The profile goes first, so the host holds it when the result settles the invocation.
    void profile.stop().then((outcome) => {
      caps.post({ v: PROTOCOL_VERSION, type: 'profile', requestId, outcome });
      post();
    });
  };

  return {
    receive(data) {
      const parsed = parseHostMessage(data);
      if (!parsed.ok) return fatal({ errorType: 'Runtime.ProtocolError', errorMessage: parsed.problem });
      const message = parsed.message;
      if (message.type === 'init') void onInit(message);
      else if (message.type === 'invoke') onInvoke(message);
      else if (!services?.answer(message)) fatal({ errorType: 'Runtime.ProtocolError', errorMessage: `answer to call ${message.callId}, which is not waiting for one` });
    },
    fail(thrown, errorType) {
      const info = toErrorInfo(thrown, mapper);
      const error = errorType ? { ...info, errorType } : info;
      // Node prints what ended the process, and the platforms keep it in the function's log: without it a crash
      // after the response (a late unhandled rejection) would end the instance with no word of why.
      if (!failed) caps.post({ v: PROTOCOL_VERSION, type: 'log', requestId: current, level: 'error', message: crashReport(error), time: caps.now() });
      fatal(error);
    },
    currentRequestId: () => current,
  };
}

function crashReport(error: ErrorInfo): string {
  return [`The instance is ending: ${error.errorType}: ${error.errorMessage}`, ...(error.stack ?? []).map((frame) => `    ${frame}`)].join('\n');
}

function startProfile(caps: InstanceCapabilities): RunningProfile {
  if (caps.profiler) return caps.profiler();
  const outcome = { ok: false as const, cause: 'no-profiler' as const, message: 'this host has no profiler inside its instances' };
  return { stop: () => Promise.resolve(outcome) };
}

/** The platform returns JSON: what the caller gets is the value after a JSON round trip, within the size limit. */
function serialise(value: unknown, limits: OutputLimits): { ok: true; value: unknown } | { ok: false; error: ErrorInfo } {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    return { ok: false, error: { ...toErrorInfo(error), errorType: 'Runtime.ResponseSerializationError' } };
  }
  if (json === undefined) return { ok: true, value: null };
  // UTF-8 needs at most 3 bytes per UTF-16 unit: only long results need an exact count.
  const bytes = json.length * 3 <= limits.maxResultBytes ? json.length : new TextEncoder().encode(json).length;
  if (bytes > limits.maxResultBytes) {
    return { ok: false, error: { errorType: 'RequestEntityTooLarge', errorMessage: `Exceeded maximum allowed payload size (${limits.maxResultBytes} bytes); the response was ${bytes} bytes.` } };
  }
  return { ok: true, value: JSON.parse(json) };
}
