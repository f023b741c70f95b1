import { describe, expect, it } from 'vitest';
import { parseInstanceMessage, PROTOCOL_VERSION } from '../../../playground/faas/protocol.ts';
import { harness } from '../runtime/harness.ts';

const invoke = (requestId: string, profile: boolean) => ({
  v: PROTOCOL_VERSION,
  type: 'invoke',
  requestId,
  event: {},
  deadline: Date.now() + 3000,
  context: { requestId, functionName: 'demo', functionVersion: '$LATEST', memoryLimitInMB: 128, timeLimitInMs: 3000, namespace: 'default', region: 'ap-guangzhou' },
  ...(profile ? { profile: true } : {}),
});

const settled = async (messages: Array<{ type: string }>, requestId: string) => {
  for (let i = 0; i < 100 && !messages.some((m) => m.type === 'result' && (m as { requestId?: string }).requestId === requestId); i += 1) await new Promise((r) => setTimeout(r, 5));
};

describe('profiling one invocation inside the instance', () => {
  it('answers a profiled invoke with a profile message before its result, saying plainly when the host has no profiler', async () => {
    const h = await harness({ 'index.js': 'exports.main_handler = async () => 42;' }, 'main_handler');
    await h.init();
    h.send(invoke('r-1', true));
    await settled(h.messages, 'r-1');
    const tail = h.messages.filter((m) => m.type === 'profile' || m.type === 'result');
    expect(tail.map((m) => m.type)).toEqual(['profile', 'result']);
    expect(tail[0]).toMatchObject({ requestId: 'r-1', outcome: { ok: false, cause: 'no-profiler' } });
    expect(tail[1]).toMatchObject({ requestId: 'r-1', ok: true, value: 42 });
  });

  it('sends no profile for an ordinary invoke', async () => {
    const h = await harness({ 'index.js': 'exports.main_handler = async () => 1;' }, 'main_handler');
    await h.init();
    h.send(invoke('r-2', false));
    await settled(h.messages, 'r-2');
    expect(h.messages.some((m) => m.type === 'profile')).toBe(false);
  });

  it('refuses a profile message whose trace is not the Self-Profiling shape', () => {
    const base = { v: PROTOCOL_VERSION, type: 'profile', requestId: 'r' };
    const trace = { resources: ['function.js'], frames: [{ name: 'hot', resourceId: 0, line: 3, column: 10 }], stacks: [{ frameId: 0 }], samples: [{ timestamp: 1, stackId: 0 }] };
    expect(parseInstanceMessage({ ...base, outcome: { ok: true, trace, sampleIntervalMs: 10 } }).ok).toBe(true);
    expect(parseInstanceMessage({ ...base, outcome: { ok: true, trace: { ...trace, frames: [{ line: 3 }] }, sampleIntervalMs: 10 } }).ok).toBe(false);
    expect(parseInstanceMessage({ ...base, outcome: { ok: false, cause: 'made-up', message: 'x' } }).ok).toBe(false);
  });
});
