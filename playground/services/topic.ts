import { cmqTopicEvent } from './cmq-topic-event.ts';
import { FunctionQueue } from './function-queue.ts';
import type { Invoke } from './invoke.ts';

export interface SubscriptionOptions {
  maxReceiveCount?: number;
}

/**
 * A CMQ-style topic: a published message is copied to every subscription, and each subscription is a queue of its
 * own in front of its function, so one subscriber failing is retried and dead-lettered without the others seeing
 * the message again.
 */
export class Topic {
  readonly name: string;
  readonly owner: string;
  readonly #invoke: Invoke;
  readonly #subscriptions = new Map<string, FunctionQueue>();
  readonly #now: () => number;
  #published = 0;

  /** `now` gives the publish time in milliseconds since the epoch. */
  constructor(invoke: Invoke, name: string, options: { owner?: string; now?: () => number } = {}) {
    this.#invoke = invoke;
    this.name = name;
    this.owner = options.owner ?? '1253970026';
    this.#now = options.now ?? Date.now;
  }

  subscribe(subscriptionName: string, functionName: string, options: SubscriptionOptions = {}): FunctionQueue {
    if (this.#subscriptions.has(subscriptionName)) throw new Error(`topic ${this.name} already has a subscription named ${subscriptionName}`);
    const address = { topicOwner: this.owner, topicName: this.name, subscriptionName };
    const queue = new FunctionQueue(this.#invoke, {
      functionName,
      toEvent: (messages) => cmqTopicEvent(address, messages),
      ...(options.maxReceiveCount !== undefined ? { maxReceiveCount: options.maxReceiveCount } : {}),
    });
    this.#subscriptions.set(subscriptionName, queue);
    return queue;
  }

  subscription(subscriptionName: string): FunctionQueue {
    const queue = this.#subscriptions.get(subscriptionName);
    if (!queue) throw new Error(`topic ${this.name} has no subscription named ${subscriptionName}`);
    return queue;
  }

  /** Copies the message to every subscription and returns its id, the same in each. */
  publish(body: string, tags: string[] = []): string {
    if (this.#subscriptions.size === 0) throw new Error(`topic ${this.name} has no subscriptions: a message published now would reach nobody`);
    this.#published += 1;
    const id = `${this.name}-${String(this.#published).padStart(6, '0')}`;
    const publishTime = Math.floor(this.#now() / 1000);
    for (const queue of this.#subscriptions.values()) queue.send({ id, body, tags, publishTime });
    return id;
  }

  /** Delivers every subscription's messages until each is taken or dead-lettered, one subscription after another. */
  async deliver(): Promise<void> {
    for (const queue of this.#subscriptions.values()) await queue.drain();
  }
}
