import { describe, expect, it } from 'vitest';
import { FunctionQueue } from '../../playground/services/function-queue.ts';
import type { QueueMessage } from '../../playground/services/queue-message.ts';
import { scriptedPlatform } from './services-platform.ts';

const bodies = (event: unknown) => (event as { messages: QueueMessage[] }).messages;
const message = (id: string, body = id) => ({ id, body, tags: [], publishTime: 0 });

describe('a queue in front of a function', () => {
  it('delivers each message once when the function takes it, through the platform (a cold start, then warm)', async () => {
    const seen: string[] = [];
    const { platform, invoke } = scriptedPlatform({ f: (event) => bodies(event).forEach((m) => seen.push(m.body)) });
    const queue = new FunctionQueue(invoke, { functionName: 'f', toEvent: (messages) => ({ messages }) });
    queue.send(message('a'));
    queue.send(message('b'));
    await queue.drain();
    expect(seen).toEqual(['a', 'b']);
    expect(queue.deliveries.map((delivery) => [delivery.messageIds, delivery.failedIds])).toEqual([[['a'], []], [['b'], []]]);
    expect(queue.deadLetters).toEqual([]);
    const kinds: string[] = [];
    platform.onComplete((record) => kinds.push(record.startKind));
    queue.send(message('c'));
    await queue.drain();
    expect(kinds).toEqual(['warm']);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('retries a failing message up to maxReceiveCount deliveries, then moves it to the dead-letter queue', async () => {
    const { invoke } = scriptedPlatform({
      f: (event) => {
        if (bodies(event).some((m) => m.body === 'bad')) throw new Error('cannot take it');
      },
    });
    const queue = new FunctionQueue(invoke, { functionName: 'f', toEvent: (messages) => ({ messages }), maxReceiveCount: 3 });
    queue.send(message('bad'));
    queue.send(message('good'));
    await queue.drain();
    expect(queue.deliveries.filter((delivery) => delivery.messageIds.includes('bad')).map((delivery) => delivery.status)).toEqual(['error', 'error', 'error']);
    expect(queue.deliveries.filter((delivery) => delivery.messageIds.includes('good'))).toHaveLength(1);
    expect(queue.deadLetters.map((m) => [m.id, m.receiveCount])).toEqual([['bad', 3]]);
    expect(queue.waiting).toBe(0);
  });

  it('defaults to 3 deliveries, as SCF does for an asynchronous call (2 retries)', async () => {
    const { invoke } = scriptedPlatform({ f: () => { throw new Error('always'); } });
    const queue = new FunctionQueue(invoke, { functionName: 'f', toEvent: (messages) => ({ messages }) });
    queue.send(message('x'));
    await queue.drain();
    expect(queue.deliveries).toHaveLength(3);
    expect(queue.deadLetters.map((m) => m.receiveCount)).toEqual([3]);
  });

  it('in batches, a failed invocation fails every message in it, and batchItemFailures fails only those named', async () => {
    let calls = 0;
    const { invoke } = scriptedPlatform({
      f: (event) => {
        calls += 1;
        if (calls === 1) throw new Error('the whole batch');
        return { batchItemFailures: bodies(event).filter((m) => m.body === 'bad').map((m) => ({ itemIdentifier: m.id })) };
      },
    });
    const queue = new FunctionQueue(invoke, { functionName: 'f', toEvent: (messages) => ({ messages }), batchSize: 10, maxReceiveCount: 2 });
    for (const id of ['a', 'bad', 'c']) queue.send(message(id));
    await queue.drain();
    expect(queue.deliveries.map((delivery) => delivery.failedIds)).toEqual([['a', 'bad', 'c'], ['bad']]);
    expect(queue.deadLetters.map((m) => [m.id, m.receiveCount])).toEqual([['bad', 2]]);
  });

  it('fails the whole batch when batchItemFailures names a message that is not in it', async () => {
    const { invoke } = scriptedPlatform({ f: () => ({ batchItemFailures: [{ itemIdentifier: 'nope' }] }) });
    const queue = new FunctionQueue(invoke, { functionName: 'f', toEvent: (messages) => ({ messages }), batchSize: 2, maxReceiveCount: 1 });
    queue.send(message('a'));
    queue.send(message('b'));
    await queue.drain();
    expect(queue.deadLetters.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('refuses a maxReceiveCount or batch size that is not a whole number of at least 1', () => {
    const { invoke } = scriptedPlatform({ f: () => undefined });
    expect(() => new FunctionQueue(invoke, { functionName: 'f', toEvent: () => ({}), maxReceiveCount: 0 })).toThrow(/maxReceiveCount must be a whole number/);
    expect(() => new FunctionQueue(invoke, { functionName: 'f', toEvent: () => ({}), batchSize: 1.5 })).toThrow(/batchSize must be a whole number/);
  });
});
