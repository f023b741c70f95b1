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
  const pushTo = [...connections].filter(([, printer]) => printer === message.printer).map(([id]) => id);
  // No connection: keep the job (a real system stores it) until the printer says hello again.
  console.log(`job for ${message.printer} -> ${pushTo.length === 0 ? 'queued' : pushTo.join(', ')}`);
  return { printer: message.printer, pushTo, queued: pushTo.length === 0 };
};
