import { describe, expect, it } from 'vitest';
import type { InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeRequest } from '../../../playground/faas/instance-host.ts';
import { ProfilingHost } from '../../../playground/ui/engine/profiling-host.ts';

const spec = { instanceId: 'i', functionName: 'f', dialect: 'scf', exportName: 'main_handler', bundle: '', files: {}, env: {}, memoryMb: 128, timeoutMs: 3000, startCause: 'request' } satisfies InstanceSpec;

/** A host that records what it is asked and lets the test answer as an instance would. */
function recordingHost() {
  const sent: InvokeRequest[] = [];
  let heard: InstanceListener | undefined;
  const host: InstanceHost = {
    start(_spec, listener): InstanceHandle {
      heard = listener;
      return { invoke: (request) => sent.push(request), terminate: () => undefined };
    },
  };
  return { host, sent, listener: () => heard as InstanceListener };
}

describe('profiling one request through the page host', () => {
  it('asks only the next request sent to an instance for a profile, and hands that profile back once', () => {
    const inner = recordingHost();
    const host = new ProfilingHost(inner.host);
    const results: string[] = [];
    const handle = host.start(spec, { onReady: () => undefined, onInitError: () => undefined, onLog: () => undefined, onResult: (o) => results.push(o.requestId), onExit: () => undefined });
    host.arm();
    handle.invoke({ requestId: 'r1', event: {}, deadline: 1 });
    handle.invoke({ requestId: 'r2', event: {}, deadline: 1 });
    expect(inner.sent.map((r) => r.profile)).toEqual([true, undefined]);

    const outcome = { ok: false as const, cause: 'no-profiler' as const, message: 'none here' };
    inner.listener().onProfile?.('r1', outcome);
    inner.listener().onResult({ requestId: 'r1', durationMs: 1, usage: {}, result: { ok: true, value: 1 } });
    expect(results).toEqual(['r1']);
    expect(host.take('r1')).toEqual(outcome);
    expect(host.take('r1')).toBeUndefined();
  });

  it("passes the platform's listener calls through with the listener itself as `this`", () => {
    const inner = recordingHost();
    class Owner {
      readonly #seen: string[] = [];
      onReady() { this.#seen.push('ready'); }
      onInitError() {}
      onLog() {}
      onResult() {}
      onExit() { this.#seen.push('exit'); }
      seen() { return this.#seen; }
    }
    const owner = new Owner();
    new ProfilingHost(inner.host).start(spec, owner);
    inner.listener().onReady({ spawnMs: 0, loadMs: 0, initMs: 0 });
    inner.listener().onExit('shutdown');
    expect(owner.seen()).toEqual(['ready', 'exit']);
  });
});
