import { describe, expect, it } from 'vitest';
import type { InstanceHandle, InstanceHost, InstanceListener } from '../../../playground/faas/instance-host.ts';
import type { InvocationRecord } from '../../../playground/faas/invocation-record.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import { fn } from './platform-fixture.ts';
import { ManualClock } from './manual-clock.ts';

/** A host that answers inside the calls themselves: ready inside start(), the result inside invoke(). */
class InstantHost implements InstanceHost {
  terminated = 0;
  start(_spec: unknown, listener: InstanceListener): InstanceHandle {
    listener.onReady({ spawnMs: 0, loadMs: 0, initMs: 0 });
    return {
      invoke: (request) => listener.onResult({ requestId: request.requestId, durationMs: 1, usage: {}, result: { ok: true, value: request.event } }),
      terminate: (reason) => {
        this.terminated++;
        listener.onExit(reason);
      },
    };
  }
}

describe('a host that answers before its calls return', () => {
  it('still runs cold and warm requests to completion', () => {
    const clock = new ManualClock();
    const host = new InstantHost();
    const platform = new Platform({ clock, host });
    platform.deploy(fn('f', { keepAliveS: 1 }));
    const cold = platform.submit('f', 1);
    const warm = platform.submit('f', 2);
    expect([cold.status, cold.startKind, cold.result]).toEqual(['ok', 'cold', 1]);
    expect([warm.status, warm.startKind, warm.result]).toEqual(['ok', 'warm', 2]);
    clock.runAll();
    expect(host.terminated).toBe(1);
    expect(platform.instances()).toEqual([]);
  });

  it('lets a completion listener send the next request from inside the callback (a closed loop)', () => {
    const clock = new ManualClock();
    const platform = new Platform({ clock, host: new InstantHost() });
    platform.deploy(fn('f'));
    const done: InvocationRecord[] = [];
    platform.onComplete((record) => {
      done.push(record);
      if (done.length < 5) platform.submit('f', done.length);
    });
    platform.submit('f', 0);
    expect(done.map((r) => r.startKind)).toEqual(['cold', 'warm', 'warm', 'warm', 'warm']);
    expect(platform.instances()).toHaveLength(1);
  });
});
