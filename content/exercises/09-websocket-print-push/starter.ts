// Cloud printing for the restaurant. API gateway holds each WebSocket connection and calls this one function for
// every event on it:
//   { websocket: { action: "connecting", secConnectionID, ... }, requestContext: {...} }   a client connected
//   { websocket: { action: "data send", secConnectionID, dataType: "text", data } }        a client sent a message
//   { websocket: { action: "closing", secConnectionID } }                                  a client disconnected
// Messages (data) are JSON text:
//   {"type":"hello","printer":"SZ-01-kitchen"}      a printer says which printer it is, right after connecting
//   {"type":"print","printer":"SZ-01-kitchen","ticket":"..."}   a till sends a job for that printer
// For a print job the function answers { printer, pushTo: [<connection ids to push the job to>], queued }. A real
// system would then POST the job to the gateway's reverse-push URL for each id; here the answer is what we check.
// Two things are wrong:
// - A printer that disconnected still gets jobs pushed to it. Once its connection is closed, a job for it must
//   come back with pushTo: [] and queued: true, so it can be kept until the printer is back.
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
    const pushTo = [...connections].filter(([, printer]) => printer === message.printer).map(([id]) => id);
    console.log(`job for ${message.printer} -> ${pushTo.length} connection(s)`);
    return { printer: message.printer, pushTo, queued: pushTo.length === 0 };
  }
  throw new Error(`unknown message type: ${message.type}`);
};
