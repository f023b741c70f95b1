// Cloud printing for the restaurant. API gateway holds each WebSocket connection and calls this one function for
// every event on it:
//   { websocket: { action: "connecting", secConnectionID, ... }, requestContext: {...} }   a client connected
//   { websocket: { action: "data send", secConnectionID, dataType: "text", data } }        a client sent a message
//   { websocket: { action: "closing", secConnectionID } }                                  a client disconnected
// Messages (data) are JSON text:
//   {"type":"hello","printer":"SZ-01-kitchen"}      a printer says which printer it is, right after connecting
//   {"type":"print","printer":"SZ-01-kitchen","ticket":"..."}   a till sends a job for that printer
// For a print job the function pushes {"type":"print","ticket":"..."} to every connection of that printer, during
// the call, by POSTing to the gateway's reverse-push URL (the gateway sets WEBSOCKET_PUSH_URL when it deploys the
// function), and answers { printer, pushedTo: [<connection ids the job reached>], queued }. The response's status
// says what happened to a push: 200 delivered, 410 Gone the connection is closed.
// Two things are wrong:
// - A printer that disconnected still gets jobs pushed to it. Once its connection is closed, a job for it must not
//   be pushed to it at all, and must come back with pushedTo: [] and queued: true, so it is kept until the printer
//   is back. A push answered 410 reached nobody: it does not count as pushed.
// - A message it does not understand makes the function throw. The gateway treats a failed call as a broken
//   connection and closes it. Answer { error: "<what is wrong>" } instead, and push nothing.

interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

// Connection id -> the printer on it (null until it says hello). Module scope stands in for the database a real
// system would use, and only works here because the workshop runs a single instance.
const connections = new Map<string, string | null>();

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') {
    connections.set(secConnectionID, null);
    // errNo 0 tells the gateway to accept the connection.
    return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  }
  if (action === 'closing') {
    console.log(`${secConnectionID} closed`);
    return { errNo: 0, errMsg: 'ok' };
  }
  const message = JSON.parse(event.websocket.data ?? '');
  if (message.type === 'hello') {
    connections.set(secConnectionID, message.printer);
    return { printer: message.printer };
  }
  if (message.type === 'print') {
    const pushedTo = [...connections].filter(([, printer]) => printer === message.printer).map(([id]) => id);
    for (const id of pushedTo) {
      await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
        method: 'POST',
        body: JSON.stringify({ websocket: { action: 'data send', secConnectionID: id, dataType: 'text', data: JSON.stringify({ type: 'print', ticket: message.ticket }) } }),
      });
    }
    console.log(`job for ${message.printer} -> ${pushedTo.length} connection(s)`);
    return { printer: message.printer, pushedTo, queued: pushedTo.length === 0 };
  }
  throw new Error(`unknown message type: ${message.type}`);
};
