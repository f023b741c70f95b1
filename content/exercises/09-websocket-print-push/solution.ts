interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

interface Message {
  type?: unknown;
  printer?: unknown;
  ticket?: unknown;
}

// Connection id -> the printer on it (null until it says hello). In production this is a table in a database: the
// gateway's events for one connection can reach any instance, and instances come and go.
const connections = new Map<string, string | null>();

/** The message's JSON, or undefined when it is not a JSON object. */
function parse(data: string | undefined): Message | undefined {
  try {
    const value: unknown = JSON.parse(data ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}

// The gateway's reverse-push URL, which it sets in WEBSOCKET_PUSH_URL when it deploys this function. The answer's
// status: 200 the printer has the job, 410 Gone its connection is closed (its "closing" may still be on the way).
async function push(secConnectionID: string, data: string): Promise<number> {
  const response = await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
    method: 'POST',
    body: JSON.stringify({ websocket: { action: 'data send', secConnectionID, dataType: 'text', data } }),
  });
  return response.status;
}

// Answering instead of throwing: a failed call would make the gateway close the sender's connection.
const refuse = (error: string) => {
  console.log(`refused: ${error}`);
  return { error };
};

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') {
    connections.set(secConnectionID, null);
    return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  }
  if (action === 'closing') {
    // Forget the connection, so nothing is ever pushed to it again.
    connections.delete(secConnectionID);
    console.log(`${secConnectionID} closed, ${connections.size} connection(s) left`);
    return { errNo: 0, errMsg: 'ok' };
  }
  if (action !== 'data send') return refuse(`unknown websocket action "${action}"`);

  const message = parse(event.websocket.data);
  if (!message) return refuse('a message must be a JSON object such as {"type":"print","printer":"SZ-01-kitchen","ticket":"..."}');
  if (message.type !== 'hello' && message.type !== 'print') return refuse(`unknown message type ${JSON.stringify(message.type)}; expected "hello" or "print"`);
  if (typeof message.printer !== 'string' || message.printer === '') return refuse(`a "${message.type}" message needs a printer`);

  if (message.type === 'hello') {
    connections.set(secConnectionID, message.printer);
    return { printer: message.printer };
  }
  const pushedTo: string[] = [];
  for (const [id, printer] of connections) {
    if (printer !== message.printer) continue;
    const status = await push(id, JSON.stringify({ type: 'print', ticket: message.ticket }));
    if (status === 200) pushedTo.push(id);
    // 410 Gone: the connection is closed; forget it now rather than push to it again.
    else if (status === 410) connections.delete(id);
    else console.log(`push to ${id} failed with ${status}`);
  }
  // No connection: keep the job (a real system stores it) until the printer says hello again.
  console.log(`job for ${message.printer} -> ${pushedTo.length === 0 ? 'queued' : pushedTo.join(', ')}`);
  return { printer: message.printer, pushedTo, queued: pushedTo.length === 0 };
};
