import { createRequire } from 'node:module';
import { compileFiles } from '../../../playground/compiler/node.ts';
import { PROTOCOL_VERSION } from '../../../playground/faas/protocol.ts';
import type { Dialect, InstanceMessage, LogMessage, ResultMessage } from '../../../playground/faas/protocol.ts';
import type { OutputLimits } from '../../../playground/runtime/capabilities.ts';
import type { ConsoleLike } from '../../../playground/runtime/log-capture.ts';
import { createInstanceRuntime } from '../../../playground/runtime/instance-runtime.ts';

const nodeRequire = createRequire(import.meta.url);

export interface Harness {
  messages: InstanceMessage[];
  env: Record<string, string | undefined>;
  init(): Promise<InstanceMessage>;
  invoke(event: unknown, requestId?: string, timeoutMs?: number): Promise<ResultMessage>;
  logs(requestId: string | null): LogMessage[];
  /** Hands the runtime any message, well-formed or not. */
  send(data: unknown): void;
  /** What the host does on an uncaught error or unhandled rejection in the instance. */
  fail(thrown: unknown, errorType?: string): void;
}

/** The runtime in this thread with test capabilities: what a host would see, without a worker. */
export async function harness(files: Record<string, string>, exportName: string, options: { dialect?: Dialect; entry?: string; env?: Record<string, string>; limits?: Partial<OutputLimits>; require?: (s: string) => unknown; resolve?: (s: string) => string; process?: { env: Record<string, string | undefined> } } = {}): Promise<Harness> {
  const entry = options.entry ?? Object.keys(files)[0] ?? 'index.ts';
  const compiled = await compileFiles({ entry, files });
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  const messages: InstanceMessage[] = [];
  const waiters: { test: (m: InstanceMessage) => boolean; resolve: (m: InstanceMessage) => void }[] = [];
  const process = options.process ?? { env: {} };
  const env = process.env;
  const sandboxConsole = {} as ConsoleLike;
  const runtime = createInstanceRuntime({
    post(message) {
      messages.push(message);
      const waiter = waiters.find((w) => w.test(message));
      if (waiter) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    },
    now: () => Date.now(),
    monotonic: () => performance.now(),
    console: sandboxConsole,
    process,
    require: options.require ?? ((s) => nodeRequire(s)),
    ...(options.resolve ? { resolve: options.resolve } : {}),
    functionRoot: '/var/user',
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const next = (test: (m: InstanceMessage) => boolean): Promise<InstanceMessage> =>
    new Promise((resolve) => waiters.push({ test, resolve }));
  let counter = 0;
  return {
    messages,
    env,
    init() {
      const done = next((m) => m.type === 'ready' || m.type === 'initError' || m.type === 'fatal');
      runtime.receive({ v: PROTOCOL_VERSION, type: 'init', bundle: compiled.bundle, exportName, dialect: options.dialect ?? 'scf', env: options.env ?? {}, files: {}, limits: { memoryMb: 128, timeoutMs: 3000 }, functionName: 'demo' });
      return done;
    },
    invoke(event, requestId = `req-${++counter}`, timeoutMs = 3000) {
      const done = next((m) => (m.type === 'result' && m.requestId === requestId) || m.type === 'fatal');
      runtime.receive({ v: PROTOCOL_VERSION, type: 'invoke', requestId, event, deadline: Date.now() + timeoutMs, context: { requestId, functionName: 'demo', functionVersion: '$LATEST', memoryLimitInMB: 128, timeLimitInMs: timeoutMs, namespace: 'default', region: 'ap-guangzhou' } });
      return done as Promise<ResultMessage>;
    },
    send: (data) => runtime.receive(data),
    fail: (thrown, errorType) => runtime.fail(thrown, errorType),
    logs: (requestId) => messages.filter((m): m is LogMessage => m.type === 'log' && m.requestId === requestId),
  };
}
