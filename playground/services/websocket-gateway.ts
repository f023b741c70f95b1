import type { InvocationRecord } from '../faas/invocation-record.ts';
import { ConnectionStore } from './connection-store.ts';
import type { Invoke } from './invoke.ts';
import { closingEvent, connectingEvent, dataSendEvent, type GatewayRequestContext } from './websocket-events.ts';

/** One push the gateway was asked to make, made or refused. */
export interface PushRecord {
  connectionId: string;
  data: string;
  delivered: boolean;
  /** Why it was refused. */
  refusal?: string;
  /** The request whose answer asked for it; absent for a push made directly through `push`. */
  requestId?: string;
}

/** A push to a connection that is closed or was never open: API Gateway answers such a post with 410 Gone. */
export class ConnectionGoneError extends Error {
  readonly connectionId: string;
  constructor(connectionId: string, known: boolean) {
    super(`410 Gone: connection ${connectionId} ${known ? 'is closed' : 'was never opened'}, so nothing can be pushed to it`);
    this.name = 'ConnectionGoneError';
    this.connectionId = connectionId;
  }
}

/**
 * SCF's API gateway in front of one WebSocket function: it holds the connections, calls the function when a client
 * connects, sends data and disconnects, and pushes messages to clients.
 *
 * On the platforms a function pushes by POSTing to the gateway's reverse-push URL (SCF) or calling
 * postToConnection (Lambda). A simulated instance has no network, so here a handler asks for pushes in its answer,
 * `push: [{ connectionId, data }]`, and the gateway makes them once the call has returned, each through `push`.
 * A failed call on "data send" closes the sender's connection, as SCF's gateway does (tencentcloud.com 583/31437).
 */
export class WebSocketGateway {
  readonly store = new ConnectionStore();
  readonly functionName: string;
  readonly #invoke: Invoke;
  readonly #context: GatewayRequestContext;
  readonly #pushes: PushRecord[] = [];
  readonly #inboxes = new Map<string, string[]>();

  constructor(invoke: Invoke, functionName: string, context: GatewayRequestContext = { serviceId: 'service-f94sy04v', path: '/ws' }) {
    this.#invoke = invoke;
    this.functionName = functionName;
    this.#context = context;
  }

  /** Every push asked for so far, in order, delivered or not. */
  get pushes(): readonly PushRecord[] {
    return this.#pushes;
  }

  /** What a client has received, in order. */
  received(connectionId: string): readonly string[] {
    return this.#inboxes.get(connectionId) ?? [];
  }

  /** A client connects: the connection opens only when the function answers `errNo: 0`. */
  async connect(connectionId: string): Promise<{ accepted: boolean; record: InvocationRecord }> {
    const record = await this.#invoke(this.functionName, connectingEvent(connectionId, this.#context));
    const answer = record.result as { errNo?: unknown } | null | undefined;
    const accepted = record.status === 'ok' && answer?.errNo === 0;
    if (accepted) this.store.open(connectionId);
    this.#pushAnswer(record);
    return { accepted, record };
  }

  /** A client sends text. A failed call closes its connection, and the function is told with a "closing" event. */
  async send(connectionId: string, data: string): Promise<InvocationRecord> {
    if (!this.store.isOpen(connectionId)) throw new Error(`connection ${connectionId} is not open: a client can send only on an open connection`);
    const record = await this.#invoke(this.functionName, dataSendEvent(connectionId, data));
    if (record.status !== 'ok') {
      this.store.close(connectionId, 'failed-call');
      await this.#invoke(this.functionName, closingEvent(connectionId));
      return record;
    }
    this.#pushAnswer(record);
    return record;
  }

  /** A client goes away: the connection closes first, then the function hears of it. */
  async disconnect(connectionId: string): Promise<InvocationRecord> {
    if (!this.store.isOpen(connectionId)) throw new Error(`connection ${connectionId} is not open`);
    this.store.close(connectionId, 'client');
    const record = await this.#invoke(this.functionName, closingEvent(connectionId));
    this.#pushAnswer(record);
    return record;
  }

  /** Sends `data` to a client; throws ConnectionGoneError when its connection is not open. Every attempt is recorded. */
  push(connectionId: string, data: string, requestId?: string): void {
    const by = requestId !== undefined ? { requestId } : {};
    if (!this.store.isOpen(connectionId)) {
      const error = new ConnectionGoneError(connectionId, this.store.get(connectionId) !== undefined);
      this.#pushes.push({ connectionId, data, delivered: false, refusal: error.message, ...by });
      throw error;
    }
    this.#pushes.push({ connectionId, data, delivered: true, ...by });
    this.#inboxes.set(connectionId, [...this.received(connectionId), data]);
  }

  /** Makes the pushes a successful answer asks for; a refused one is recorded and the rest still go. */
  #pushAnswer(record: InvocationRecord): void {
    if (record.status !== 'ok') return;
    const asked = (record.result as { push?: unknown } | null | undefined)?.push;
    if (asked === undefined) return;
    const entries = Array.isArray(asked) ? asked : [asked];
    for (const entry of entries as ({ connectionId?: unknown; data?: unknown } | null)[]) {
      const connectionId = entry?.connectionId;
      const data = entry?.data;
      if (typeof connectionId !== 'string' || typeof data !== 'string') {
        this.#pushes.push({ connectionId: String(connectionId), data: String(data), delivered: false, refusal: `a push must be { connectionId: string, data: string }, not ${JSON.stringify(entry)}`, requestId: record.requestId });
        continue;
      }
      try {
        this.push(connectionId, data, record.requestId);
      } catch (error) {
        if (!(error instanceof ConnectionGoneError)) throw error;
      }
    }
  }
}
