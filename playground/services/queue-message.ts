/** One message as a queue holds it. */
export interface QueueMessage {
  id: string;
  body: string;
  tags: string[];
  /** Seconds since the epoch, as CMQ's publishTime counts them. */
  publishTime: number;
  /** How many times it has been handed to the function so far (SQS's ApproximateReceiveCount). */
  receiveCount: number;
}
