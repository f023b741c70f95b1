import { describe, expect, it } from 'vitest';
import type { FakeFunction, FakeResponse } from './fake-host.ts';
import { answers } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

/** Answers the scripted responses in turn, then "ok". */
function script(...responses: FakeResponse[]): FakeFunction {
  let n = 0;
  return { handle: () => responses[n++] ?? { kind: 'ok', value: 'ok', durationMs: 10 } };
}

describe('timeouts', () => {
  it('ends the instance at the deadline, fails the request with Sandbox.Timedout, and the next request is cold', () => {
    const t = fixture({ slow: script({ kind: 'hang' }) });
    t.platform.deploy(fn('slow', { timeoutS: 3 }));
    const first = t.send('slow');
    t.clock.advance(10_000);
    expect(first).toMatchObject({
      status: 'timeout',
      durationMs: 3_000,
      // A cold request: Lambda bills its init (55 ms on the fake host) with the handler's time.
      billedDurationMs: 3_055,
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 3.00 seconds' },
    });
    expect(first.endMs - first.startMs).toBe(3_000);
    expect(t.eventsOf('instance-timed-out')).toEqual([expect.objectContaining({ instanceId: first.instanceId, requestId: first.requestId })]);
    expect(t.host.terminated).toEqual([{ instanceId: first.instanceId, reason: 'timeout' }]);
    const second = t.send('slow');
    t.clock.advance(1_000);
    expect(second).toMatchObject({ status: 'ok', startKind: 'cold' });
    expect(second.instanceId).not.toBe(first.instanceId);
  });

  it('measures each warm request against its own deadline', () => {
    const t = fixture({ f: script({ kind: 'ok', value: 1, durationMs: 2_000 }, { kind: 'ok', value: 2, durationMs: 2_500 }) });
    t.platform.deploy(fn('f', { timeoutS: 3 }));
    t.send('f');
    t.clock.advance(2_500);
    const second = t.send('f');
    t.clock.advance(10_000);
    expect(second).toMatchObject({ status: 'ok', startKind: 'warm', result: 2 });
  });

  it('fails a cold start whose init does not finish within the init limit', () => {
    const t = fixture({ f: { ...answers('x'), phases: { spawnMs: 1, loadMs: 1, initMs: 60_000 } } }, { initLimitMs: 10_000 });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(20_000);
    expect(record).toMatchObject({ status: 'timeout', startKind: 'cold', error: { errorType: 'Runtime.InitTimeout' }, billedDurationMs: 0 });
  });
});

describe('crashes', () => {
  it('fails the in-flight request with Runtime.ExitError when the instance exits, and the instance is gone', () => {
    const t = fixture({ f: script({ kind: 'exit', reason: 'crash', afterMs: 30 }) });
    t.platform.deploy(fn('f'));
    const first = t.send('f');
    t.clock.advance(1_000);
    expect(first).toMatchObject({ status: 'crashed', error: { errorType: 'Runtime.ExitError' }, durationMs: 30 });
    expect(t.eventsOf('instance-crashed')).toEqual([expect.objectContaining({ instanceId: first.instanceId, reason: 'crash' })]);
    expect(t.platform.instances()).toEqual([]);
    const second = t.send('f');
    t.clock.advance(1_000);
    expect(second).toMatchObject({ status: 'ok', startKind: 'cold' });
  });

  it('keeps the error the host reports (process.exit, uncaught error outside the handler)', () => {
    const error = { errorType: 'Runtime.ExitError', errorMessage: 'RequestId: x Error: Runtime exited with error: exit status 3' };
    const t = fixture({ f: script({ kind: 'exit', reason: 'crash', error, afterMs: 5 }) });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record.error).toEqual(error);
  });

  it('reports out-of-memory as status oom with Runtime.OutOfMemory and memory used = memory size', () => {
    const t = fixture({ f: script({ kind: 'exit', reason: 'out-of-memory', afterMs: 80 }) });
    t.platform.deploy(fn('f', { memoryMb: 256 }));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record).toMatchObject({ status: 'oom', error: { errorType: 'Runtime.OutOfMemory' }, maxMemoryUsedMb: 256 });
    expect(t.platform.instances()).toEqual([]);
  });

  it('forgets an idle instance that dies, and routes the next request to a new one', () => {
    const t = fixture({ f: answers('x') });
    t.platform.deploy(fn('f'));
    const first = t.send('f');
    t.clock.advance(1_000);
    expect(t.platform.counts('f').idle).toBe(1);
    t.host.kill(first.instanceId!, 'crash', { errorType: 'Error', errorMessage: 'stray timer threw' });
    expect(t.platform.counts('f').idle).toBe(0);
    expect(t.eventsOf('instance-crashed')).toEqual([expect.objectContaining({ instanceId: first.instanceId, error: { errorType: 'Error', errorMessage: 'stray timer threw' } })]);
    const second = t.send('f');
    t.clock.advance(1_000);
    expect(second).toMatchObject({ status: 'ok', startKind: 'cold' });
    expect(t.records).toHaveLength(2);
  });
});

describe('init errors', () => {
  it('fails the request with the init error, and the next request retries init on a new instance', () => {
    let attempts = 0;
    const t = fixture({
      f: { ...answers('x'), init: () => (++attempts === 1 ? { errorType: 'Runtime.ImportModuleError', errorMessage: 'Cannot find module' } : undefined) },
    });
    t.platform.deploy(fn('f'));
    const first = t.send('f');
    t.clock.advance(1_000);
    expect(first).toMatchObject({ status: 'error', startKind: 'cold', error: { errorType: 'Runtime.ImportModuleError' }, billedDurationMs: 0 });
    expect(first.phases).toEqual({ spawnMs: 5, loadMs: 10, initMs: 40 });
    expect(t.eventsOf('init-error')).toHaveLength(1);
    const second = t.send('f');
    t.clock.advance(1_000);
    expect(second).toMatchObject({ status: 'ok', startKind: 'cold' });
    expect(t.host.inits).toHaveLength(2);
  });

  it('gives the init logs to the request that waited for the init', () => {
    const t = fixture({ f: { ...answers('x'), initLogs: ['connecting'] } });
    t.platform.deploy(fn('f'));
    const record = t.send('f');
    t.clock.advance(1_000);
    expect(record.logs.map((l) => l.message)).toEqual(['connecting']);
  });
});

describe('init runs once per instance', () => {
  it('keeps module state across warm invocations of the same instance', () => {
    const t = fixture({ counter: { handle: (_e, state) => ({ kind: 'ok', value: { instance: state.instanceId, count: state.invocations }, durationMs: 10 }) } });
    t.platform.deploy(fn('counter'));
    for (let i = 0; i < 3; i++) {
      t.send('counter');
      t.clock.advance(100);
    }
    expect(t.records.map((r) => (r.result as { count: number }).count)).toEqual([1, 2, 3]);
    expect(t.host.inits).toHaveLength(1);
    expect(t.records.map((r) => r.startKind)).toEqual(['cold', 'warm', 'warm']);
  });
});

describe('a malformed or dead instance never breaks the platform', () => {
  it('ends an instance that sends a result for another request, and fails its request', () => {
    const t = fixture({ f: script({ kind: 'garbage', afterMs: 5, outcome: { requestId: 'someone-else', durationMs: 1, usage: {}, result: { ok: true, value: 1 } } }) });
    t.platform.deploy(fn('f'));
    const first = t.send('f');
    t.clock.advance(1_000);
    expect(first).toMatchObject({ status: 'crashed', error: { errorType: 'Runtime.ProtocolError' } });
    expect(t.host.terminated).toEqual([{ instanceId: first.instanceId, reason: 'protocol-error' }]);
    const second = t.send('f');
    t.clock.advance(1_000);
    expect(second.status).toBe('ok');
  });

  it('ends an instance that sends a shapeless result', () => {
    const t = fixture({ f: script({ kind: 'garbage', afterMs: 5, outcome: 'not an outcome' }) });
    t.platform.deploy(fn('f'));
    const first = t.send('f');
    t.clock.advance(1_000);
    expect(first.status).toBe('crashed');
    expect(t.platform.instances()).toEqual([]);
  });

  it('turns a host whose start() throws into a crashed request', () => {
    const t = fixture({});
    t.platform.deploy(fn('missing'));
    const record = t.send('missing');
    expect(record).toMatchObject({ status: 'crashed', error: { errorType: 'Runtime.StartError' } });
    expect(t.platform.counts('missing')).toEqual({ starting: 0, idle: 0, busy: 0 });
  });

  it('ignores results and exits that arrive after the platform ended the instance', () => {
    const t = fixture({ slow: script({ kind: 'ok', value: 'late', durationMs: 5_000 }) });
    t.platform.deploy(fn('slow', { timeoutS: 1 }));
    const record = t.send('slow');
    t.clock.advance(10_000);
    expect(record.status).toBe('timeout');
    expect(t.records).toHaveLength(1);
  });

  it('survives a listener that throws', async () => {
    const t = fixture({ f: answers('x', 10) });
    t.platform.on(() => {
      throw new Error('listener bug');
    });
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      t.platform.deploy(fn('f'));
      const record = t.send('f');
      t.clock.advance(100);
      expect(record.status).toBe('ok');
      await new Promise((r) => setTimeout(r, 0));
      expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'listener bug' })]));
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});
