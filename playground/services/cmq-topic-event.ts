import type { QueueMessage } from './queue-message.ts';

/** Where a topic's messages come from, as a CMQ topic trigger's event names it. */
export interface TopicAddress {
  topicOwner: string;
  topicName: string;
  subscriptionName: string;
}

/**
 * The event an SCF function gets from a CMQ topic subscription: `Records[].CMQ` with type "topic" (shape from the
 * serverless CLI's `events/cmq/notify.js` template, tencentcloud.com 583/31439). Sources disagree on `msgTag` (a
 * comma-joined string in the CLI template, an array in the SLS docs); this follows the docs' array.
 */
export function cmqTopicEvent(address: TopicAddress, messages: readonly QueueMessage[]): unknown {
  return {
    Records: messages.map((message) => ({
      CMQ: {
        type: 'topic',
        ...address,
        publishTime: new Date(message.publishTime * 1000).toISOString(),
        msgId: message.id,
        requestId: `cmq-${message.id}-${message.receiveCount}`,
        msgBody: message.body,
        msgTag: message.tags,
      },
    })),
  };
}
