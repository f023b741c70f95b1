import { compileFiles } from '../../../playground/compiler/node.ts';
import type { ExitReason, InstanceHandle, InvokeOutcome, StartPhases } from '../../../playground/faas/instance-host.ts';
import type { ErrorInfo, LogLevel, MetricSample } from '../../../playground/faas/protocol.ts';
import { NodeInstanceHost } from '../../../playground/hosts/node/node-instance-host.ts';
import type { NodeInstanceHostOptions } from '../../../playground/hosts/node/node-instance-host.ts';

export type InstanceEvent =
  | { kind: 'ready'; phases: StartPhases }
  | { kind: 'initError'; error: ErrorInfo }
  | { kind: 'log'; requestId: string | null; level: LogLevel; message: string }
  | { kind: 'result'; outcome: InvokeOutcome }
  | { kind: 'metrics'; sample: MetricSample }
  | { kind: 'exit'; reason: ExitReason; error?: ErrorInfo };

export interface Driver {
  handle: InstanceHandle;
  events: InstanceEvent[];
  next<K extends InstanceEvent['kind']>(kind: K): Promise<Extract<InstanceEvent, { kind: K }>>;
  invoke(event: unknown, requestId: string, timeoutMs?: number): Promise<InvokeOutcome>;
}

/** Starts one real worker instance and records everything the host reports, in order. */
export async function startInstance(entry: string, files: Record<string, string>, exportName: string, options: { memoryMb?: number; host?: NodeInstanceHostOptions; env?: Record<string, string> } = {}): Promise<Driver> {
  const compiled = await compileFiles({ entry, files });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const events: InstanceEvent[] = [];
  const waiters: { kind: string; resolve: (e: InstanceEvent) => void }[] = [];
  const push = (event: InstanceEvent): void => {
    events.push(event);
    const at = waiters.findIndex((w) => w.kind === event.kind);
    if (at >= 0) waiters.splice(at, 1)[0]?.resolve(event);
  };
  const host = new NodeInstanceHost(options.host ?? {});
  const handle = host.start(
    { instanceId: 'test', functionName: 'demo', dialect: 'scf', exportName, bundle: compiled.bundle, ...(compiled.layer ? { opt: compiled.layer } : {}), files, env: options.env ?? {}, memoryMb: options.memoryMb ?? 128, timeoutMs: 3000, startCause: 'request' },
    {
      onReady: (phases) => push({ kind: 'ready', phases }),
      onInitError: (error) => push({ kind: 'initError', error }),
      onLog: (requestId, level, message) => push({ kind: 'log', requestId, level, message }),
      onResult: (outcome) => push({ kind: 'result', outcome }),
      onMetrics: (sample) => push({ kind: 'metrics', sample }),
      onExit: (reason, error) => push({ kind: 'exit', reason, ...(error ? { error } : {}) }),
    },
  );
  const next = <K extends InstanceEvent['kind']>(kind: K) => {
    const seen = events.filter((e) => e.kind === kind);
    const consumed = consumedCount.get(kind) ?? 0;
    consumedCount.set(kind, consumed + 1);
    if (seen.length > consumed) return Promise.resolve(seen[consumed] as Extract<InstanceEvent, { kind: K }>);
    return new Promise<Extract<InstanceEvent, { kind: K }>>((resolve) => waiters.push({ kind, resolve: resolve as (e: InstanceEvent) => void }));
  };
  const consumedCount = new Map<string, number>();
  return {
    handle,
    events,
    next,
    async invoke(event, requestId, timeoutMs = 3000) {
      const done = next('result');
      handle.invoke({ requestId, event, deadline: Date.now() + timeoutMs });
      return (await done).outcome;
    },
  };
}
