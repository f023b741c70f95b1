import type { InstanceListener, ServiceAnswer } from '../faas/instance-host.ts';
import { PROTOCOL_VERSION, SERVICE_CALL_LIMITS } from '../faas/protocol.ts';
import type { AnswerMessage, CallMessage } from '../faas/protocol.ts';
import { jsonAnswer, noService } from '../faas/service-endpoints.ts';

/**
 * One instance's calls to the platform's services, on the host's side: each goes to the listener (the platform),
 * and its answer back to the instance. The runtime keeps within SERVICE_CALL_LIMITS; an instance that does not
 * (forged messages) is refused, and its host ends it, so a flood cannot pile up work in the host.
 */
export class ServiceCalls {
  readonly #listener: InstanceListener;
  readonly #answer: (message: AnswerMessage) => void;
  readonly #inFlight = new Set<number>();

  constructor(listener: InstanceListener, answer: (message: AnswerMessage) => void) {
    this.#listener = listener;
    this.#answer = answer;
  }

  /** Starts the call; returns why it is refused when the instance broke the protocol's bounds. */
  take(message: CallMessage): string | undefined {
    if (this.#inFlight.has(message.callId)) return `call ${message.callId} is already waiting for its answer`;
    if (this.#inFlight.size >= SERVICE_CALL_LIMITS.maxInFlight) return `more than ${SERVICE_CALL_LIMITS.maxInFlight} calls to the platform's services in flight`;
    this.#inFlight.add(message.callId);
    const call = { requestId: message.requestId, url: message.url, method: message.method, body: message.body };
    const answered = this.#listener.onServiceCall?.(call) ?? Promise.resolve(noService(message.url));
    void answered.then(
      (answer) => this.#settle(message.callId, answer),
      (error: unknown) => this.#settle(message.callId, jsonAnswer(500, `the service failed: ${error instanceof Error ? error.message : String(error)}`)),
    );
    return undefined;
  }

  #settle(callId: number, answer: ServiceAnswer): void {
    this.#inFlight.delete(callId);
    this.#answer({ v: PROTOCOL_VERSION, type: 'answer', callId, status: answer.status, body: answer.body });
  }
}
