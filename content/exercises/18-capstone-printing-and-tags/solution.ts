interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

interface CmqTopicEvent {
  Records: { CMQ: { msgId: string; msgBody: string } }[];
}

interface Message {
  type?: unknown;
  store?: unknown;
  ticket?: unknown;
}

interface Order {
  memberId: string;
  amountFen: number;
  dishes: string[];
}

// Each store has one printer connection. Kept both ways, so a closing connection finds its store without a search.
// In production these are rows in a database: the gateway's events for one connection can reach any instance.
const printerOf = new Map<string, string>();
const storeOf = new Map<string, string>();

function parse(data: string | undefined): Message | undefined {
  try {
    const value: unknown = JSON.parse(data ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}

// A failed call makes the gateway close the sender's connection, so a message we cannot use gets an answer.
const refuse = (error: string) => ({ error });

// The gateway put its reverse-push URL in WEBSOCKET_PUSH_URL when it deployed this function. True when the push
// was made; false for 410 Gone: the connection has closed (its "closing" event may still be on its way).
async function push(secConnectionID: string, data: string): Promise<boolean> {
  const response = await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
    method: 'POST',
    body: JSON.stringify({ websocket: { action: 'data send', secConnectionID, dataType: 'text', data } }),
  });
  if (response.status === 410) return false;
  if (!response.ok) throw new Error(`push to ${secConnectionID} failed: ${response.status} ${await response.text()}`);
  return true;
}

function forget(secConnectionID: string): void {
  const store = storeOf.get(secConnectionID);
  if (store === undefined) return;
  storeOf.delete(secConnectionID);
  printerOf.delete(store);
}

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  if (action === 'closing') {
    forget(secConnectionID);
    return { errNo: 0, errMsg: 'ok' };
  }

  const message = parse(event.websocket.data);
  if (!message) return refuse('a message must be a JSON object such as {"type":"print","store":"SZ-01","ticket":"..."}');
  if (message.type !== 'hello' && message.type !== 'print') return refuse(`unknown message type ${JSON.stringify(message.type)}; expected "hello" or "print"`);
  if (typeof message.store !== 'string' || message.store === '') return refuse(`a "${message.type}" message needs a store`);
  const store = message.store;

  if (message.type === 'hello') {
    // A printer that reconnects gets a new connection id; the store's jobs follow it. The old id leaves storeOf, so
    // its late "closing" finds no store and leaves the new printer registered.
    const previous = printerOf.get(store);
    if (previous !== undefined) storeOf.delete(previous);
    printerOf.set(store, secConnectionID);
    storeOf.set(secConnectionID, store);
    return { registered: store };
  }
  if (typeof message.ticket !== 'string') return refuse('a "print" message needs a ticket');
  const printer = printerOf.get(store);
  if (printer !== undefined && (await push(printer, message.ticket))) {
    console.log(`job for ${store} -> ${printer}`);
    return { store, queued: false };
  }
  // 410 Gone: the printer's connection is closed, so forget it now and keep the job.
  if (printer !== undefined) forget(printer);
  console.log(`job for ${store} -> queued`);
  return { store, queued: true };
};

// The members' tags: one function per tag category, each subscribed to the paid-orders topic.

function orderOf(event: CmqTopicEvent): Order {
  return JSON.parse(event.Records[0]!.CMQ.msgBody) as Order;
}

const BIG_SPENDER_FEN = 20_000;

export const tagSpending = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  return { memberId: order.memberId, tags: [order.amountFen >= BIG_SPENDER_FEN ? 'big-spender' : 'regular'] };
};

const MENU: Record<string, string> = {
  'durian pizza': 'pizza',
  'margherita pizza': 'pizza',
  'lemon tea': 'drinks',
  tiramisu: 'dessert',
};

export const tagPreference = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  const unknown = order.dishes.filter((dish) => MENU[dish] === undefined);
  // Throwing tells the topic this message was not taken: it is delivered again, and dead-lettered after the last try.
  if (unknown.length > 0) throw new Error(`dishes not on the menu: ${unknown.join(', ')}`);
  return { memberId: order.memberId, tags: [...new Set(order.dishes.map((dish) => `likes-${MENU[dish]}`))] };
};
