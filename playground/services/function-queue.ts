import type { InvocationRecord, InvocationStatus } from '../faas/invocation-record.ts';
import type { Invoke } from './invoke.ts';
import type { QueueMessage } from './queue-message.ts';

/**
 * Attempts before a message is dead-lettered, when a queue sets none: SCF retries an asynchronous invocation's
 * runtime error 2 times by default, so 3 in all (cloud.tencent.com/document/product/876/41138); Lambda retries an
 * asynchronous event 2 times too (AWS Lambda docs, "Error handling for asynchronous invocation").
 */
export const DEFAULT_MAX_RECEIVE_COUNT = 3;

export interface FunctionQueueOptions {
  /** The function the queue delivers to. */
  functionName: string;
  /** The event the function gets for a batch of messages. */
  toEvent: (messages: readonly QueueMessage[]) => unknown;
  /**
   * Messages per invocation. A CMQ topic pushes one message per call; a Lambda SQS trigger takes up to 10 by
   * default (AWS Lambda docs, "Using Lambda with Amazon SQS").
   */
  batchSize?: number;
  /** Deliveries of one message before it moves to the dead-letter queue: SQS's redrive policy maxReceiveCount. */
  maxReceiveCount?: number;
}

/** One invocation of the function with a batch, and what became of each of its messages. */
export interface Delivery {
  requestId: string;
  status: InvocationStatus;
  messageIds: string[];
  /** The messages the function did not take: the whole batch when the invocation failed. */
  failedIds: string[];
  /** The handler's answer when it succeeded. */
  result: unknown;
}

/**
 * A queue in front of one function. Each message is delivered until the function takes it or it has been delivered
 * `maxReceiveCount` times; then it moves to the dead-letter queue. A failed invocation fails its whole batch; a
 * successful one fails only the messages it names in `batchItemFailures: [{ itemIdentifier }]` (Lambda's
 * ReportBatchItemFailures answer; an identifier that is not in the batch fails the whole batch, as Lambda does).
 * A retried message goes to the back of the queue at once: the platforms' waits between attempts (a visibility
 * timeout, SCF's retry interval) are left out, so a check does not sit through minutes of them.
 */
export class FunctionQueue {
  readonly functionName: string;
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  readonly #toEvent: (messages: readonly QueueMessage[]) => unknown;
  readonly #invoke: Invoke;
  readonly #waiting: QueueMessage[] = [];
  readonly #deadLetters: QueueMessage[] = [];
  readonly #deliveries: Delivery[] = [];

  constructor(invoke: Invoke, options: FunctionQueueOptions) {
    const batchSize = options.batchSize ?? 1;
    const maxReceiveCount = options.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number of at least 1, not ${batchSize}`);
    if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1) throw new RangeError(`maxReceiveCount must be a whole number of at least 1, not ${maxReceiveCount}`);
    this.#invoke = invoke;
    this.functionName = options.functionName;
    this.#toEvent = options.toEvent;
    this.batchSize = batchSize;
    this.maxReceiveCount = maxReceiveCount;
  }

  send(message: Omit<QueueMessage, 'receiveCount'>): void {
    this.#waiting.push({ ...message, tags: [...message.tags], receiveCount: 0 });
  }

  /** Messages not yet taken and not dead-lettered. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Every invocation so far, in order. */
  get deliveries(): readonly Delivery[] {
    return this.#deliveries;
  }

  /** The messages that ran out of attempts, each with the number of times it was delivered. */
  get deadLetters(): readonly QueueMessage[] {
    return this.#deadLetters;
  }

  /** Delivers until every message is taken or dead-lettered, one batch at a time. */
  async drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.batchSize).map((message) => ({ ...message, receiveCount: message.receiveCount + 1 }));
      const record = await this.#invoke(this.functionName, this.#toEvent(batch));
      const failedIds = failedMessages(record, batch.map((message) => message.id));
      this.#deliveries.push({ requestId: record.requestId, status: record.status, messageIds: batch.map((message) => message.id), failedIds, result: record.result });
      for (const message of batch) {
        if (!failedIds.includes(message.id)) continue;
        (message.receiveCount >= this.maxReceiveCount ? this.#deadLetters : this.#waiting).push(message);
      }
    }
  }
}

function failedMessages(record: InvocationRecord, ids: string[]): string[] {
  if (record.status !== 'ok') return ids;
  const answer = record.result as { batchItemFailures?: unknown } | null | undefined;
  const reported = typeof answer === 'object' && answer !== null ? answer.batchItemFailures : undefined;
  if (reported === undefined) return [];
  if (!Array.isArray(reported)) return ids;
  const named = reported.map((item: { itemIdentifier?: unknown } | null) => item?.itemIdentifier);
  return named.every((id): id is string => typeof id === 'string' && ids.includes(id)) ? ids.filter((id) => named.includes(id)) : ids;
}
