import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../../playground/faas/protocol.ts';
import type { FakeResponse } from './fake-host.ts';
import { fixture, fn } from './platform-fixture.ts';

const RESPONSES: Record<string, FakeResponse> = {
  ok: { kind: 'ok', value: 1, durationMs: 10 },
  error: { kind: 'error', error: { errorType: 'Error', errorMessage: 'bad input' }, durationMs: 10 },
  timeout: { kind: 'hang' },
  oom: { kind: 'exit', reason: 'out-of-memory', afterMs: 10 },
  crashed: { kind: 'exit', reason: 'crash', afterMs: 10 },
};

function statusCodes(dialect: Dialect): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, response] of Object.entries(RESPONSES)) {
    const t = fixture({ f: { handle: () => response } });
    t.platform.deploy(fn('f', { dialect, timeoutS: 1 }));
    const record = t.send('f');
    t.clock.advance(5_000);
    expect(record.status).toBe(name);
    out[name] = record.statusCode;
  }
  const t = fixture({ f: { handle: () => ({ kind: 'hang' }) } });
  t.platform.deploy(fn('f', { dialect, maxConcurrency: 1 }));
  t.send('f');
  out.throttled = t.send('f').statusCode;
  return out;
}

describe('invoke status codes', () => {
  it('Lambda answers 200 for everything the function did, 429 when throttled', () => {
    expect(statusCodes('lambda')).toEqual({ ok: 200, error: 200, timeout: 200, oom: 200, crashed: 200, throttled: 429 });
  });

  it('SCF answers 430 for a user error, 433 time limit, 434 memory limit, 405 container exited, 432 throttled', () => {
    expect(statusCodes('scf')).toEqual({ ok: 200, error: 430, timeout: 433, oom: 434, crashed: 405, throttled: 432 });
  });
});
