import { describe, expect, it } from 'vitest';
import { Topic } from '../../playground/services/topic.ts';
import { scriptedPlatform } from './services-platform.ts';

interface CmqRecord {
  CMQ: { type: string; topicName: string; subscriptionName: string; msgId: string; msgBody: string; msgTag: string[] };
}
const records = (event: unknown) => (event as { Records: CmqRecord[] }).Records;

describe('a topic with several subscribers', () => {
  it('delivers each message once to every subscriber, as a CMQ topic event naming its subscription', async () => {
    const seen: string[] = [];
    const take = (event: unknown) => records(event).forEach(({ CMQ }) => seen.push(`${CMQ.subscriptionName}:${CMQ.msgBody}:${CMQ.type}:${CMQ.topicName}`));
    const { invoke } = scriptedPlatform({ a: take, b: take });
    const topic = new Topic(invoke, 'member-orders', { now: () => 1_795_939_200_000 });
    topic.subscribe('sub-a', 'a');
    topic.subscribe('sub-b', 'b');
    const first = topic.publish('one', ['paid']);
    const second = topic.publish('two');
    await topic.deliver();
    expect(seen.sort()).toEqual(['sub-a:one:topic:member-orders', 'sub-a:two:topic:member-orders', 'sub-b:one:topic:member-orders', 'sub-b:two:topic:member-orders']);
    expect(topic.subscription('sub-a').deliveries.map((delivery) => delivery.messageIds)).toEqual([[first], [second]]);
    expect(first).not.toBe(second);
  });

  it('retries and dead-letters only for the subscriber that fails; the other gets the message once', async () => {
    const { invoke } = scriptedPlatform({
      ok: () => ({ tags: [] }),
      failing: () => {
        throw new Error('tag service down');
      },
    });
    const topic = new Topic(invoke, 'member-orders');
    topic.subscribe('good', 'ok');
    topic.subscribe('bad', 'failing', { maxReceiveCount: 4 });
    const id = topic.publish('{"memberId":"M1"}');
    await topic.deliver();
    expect(topic.subscription('good').deliveries).toHaveLength(1);
    expect(topic.subscription('good').deadLetters).toEqual([]);
    expect(topic.subscription('bad').deliveries.map((delivery) => delivery.status)).toEqual(['error', 'error', 'error', 'error']);
    expect(topic.subscription('bad').deadLetters.map((m) => [m.id, m.receiveCount])).toEqual([[id, 4]]);
  });

  it('refuses a message with no subscriber to take it, and a subscription name used twice', () => {
    const { invoke } = scriptedPlatform({ a: () => undefined });
    const topic = new Topic(invoke, 'lonely');
    expect(() => topic.publish('x')).toThrow(/no subscriptions/);
    topic.subscribe('s', 'a');
    expect(() => topic.subscribe('s', 'a')).toThrow(/already has a subscription named s/);
    expect(() => topic.subscription('t')).toThrow(/no subscription named t/);
  });
});
