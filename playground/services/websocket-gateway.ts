import type { ServiceAnswer, ServiceCall } from '../faas/instance-host.ts';
import type { InvocationRecord } from '../faas/invocation-record.ts';
import { SERVICE_HOST_SUFFIX } from '../faas/protocol.ts';
import { jsonAnswer, type ServiceEndpoints } from '../faas/service-endpoints.ts';
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
  /** The request whose handler asked for it (through the reverse-push URL); absent for a push made directly through `push`. */
  requestId?: string;
}

/** The variable the gateway sets on the function it deploys: its reverse-push URL, for the handler to POST pushes to. */
export const PUSH_URL_VARIABLE = 'WEBSOCKET_PUSH_URL';

/** A push to a connection that is closed or was never open: the gateway answers such a post with 410 Gone. */
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
 * A function pushes as on SCF (tencentcloud.com 583/32552): during its invocation it POSTs
 * `{"websocket":{"action":"data send","secConnectionID":…,"dataType":"text","data":…}}` to the gateway's
 * reverse-push URL, which the gateway gives it in WEBSOCKET_PUSH_URL, and reads the answer: 200 when the push was
 * made, 410 Gone when the connection is closed. The URL is on the simulator's own host (SERVICE_HOST_SUFFIX).
 * A failed call on "data send" closes the sender's connection, as SCF's gateway does (tencentcloud.com 583/31437).
 */
export class WebSocketGateway {
  readonly store = new ConnectionStore();
  readonly functionName: string;
  /** Where the function POSTs its pushes. */
  readonly pushUrl: string;
  readonly #invoke: Invoke;
  readonly #context: GatewayRequestContext;
  readonly #pushes: PushRecord[] = [];
  readonly #inboxes = new Map<string, string[]>();
  readonly #unregister: () => void;

  constructor(invoke: Invoke, functionName: string, services: ServiceEndpoints, context: GatewayRequestContext = { serviceId: 'service-f94sy04v', path: '/ws' }) {
    this.#invoke = invoke;
    this.functionName = functionName;
    this.#context = context;
    this.pushUrl = `https://set-websocket.apigateway${SERVICE_HOST_SUFFIX}/api-${context.serviceId}`;
    this.#unregister = services.register(this.pushUrl, (call) => this.#reversePush(call));
  }

  /** The variables to deploy the function with, so its handler can find the reverse-push URL. */
  get environment(): Record<string, string> {
    return { [PUSH_URL_VARIABLE]: this.pushUrl };
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
    return { accepted, record };
  }

  /** A client sends text. A failed call closes its connection, and the function is told with a "closing" event. */
  async send(connectionId: string, data: string): Promise<InvocationRecord> {
    if (!this.store.isOpen(connectionId)) throw new Error(`connection ${connectionId} is not open: a client can send only on an open connection`);
    const record = await this.#invoke(this.functionName, dataSendEvent(connectionId, data));
    if (record.status !== 'ok') {
      this.store.close(connectionId, 'failed-call');
      await this.#invoke(this.functionName, closingEvent(connectionId));
    }
    return record;
  }

  /** A client goes away: the connection closes first, then the function hears of it. */
  async disconnect(connectionId: string): Promise<InvocationRecord> {
    if (!this.store.isOpen(connectionId)) throw new Error(`connection ${connectionId} is not open`);
    this.store.close(connectionId, 'client');
    return this.#invoke(this.functionName, closingEvent(connectionId));
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

  /** Stops answering on the reverse-push URL. */
  close(): void {
    this.#unregister();
  }

  /** A POST to the reverse-push URL. The answers' bodies are the simulator's: SCF's documentation does not show them. */
  #reversePush(call: ServiceCall): ServiceAnswer {
    if (call.method !== 'POST') return jsonAnswer(405, `the reverse-push URL takes POST, not ${call.method}`);
    const parsed = parsePushRequest(call.body);
    if (typeof parsed === 'string') return jsonAnswer(400, parsed);
    try {
      this.push(parsed.secConnectionID, parsed.data, call.requestId ?? undefined);
    } catch (error) {
      if (error instanceof ConnectionGoneError) return jsonAnswer(410, error.message);
      throw error;
    }
    return { status: 200, body: JSON.stringify({ errNo: 0, errMsg: 'ok' }) };
  }
}

/** The push a reverse-push body asks for, or what is wrong with it. */
function parsePushRequest(body: string): { secConnectionID: string; data: string } | string {
  const shape = 'the body must be {"websocket":{"action":"data send","secConnectionID":"…","dataType":"text","data":"…"}}';
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `${shape}; it is not JSON`;
  }
  const websocket = (value as { websocket?: Record<string, unknown> } | null)?.websocket;
  if (typeof websocket !== 'object' || websocket === null) return `${shape}; it has no "websocket" object`;
  if (websocket.action !== 'data send') return `${shape}; "action" is ${JSON.stringify(websocket.action)}`;
  if (typeof websocket.secConnectionID !== 'string') return `${shape}; "secConnectionID" must be a string`;
  if (websocket.dataType !== undefined && websocket.dataType !== 'text') return `${shape}; "dataType" ${JSON.stringify(websocket.dataType)} is not supported, only "text"`;
  if (typeof websocket.data !== 'string') return `${shape}; "data" must be a string`;
  return { secConnectionID: websocket.secConnectionID, data: websocket.data };
}
