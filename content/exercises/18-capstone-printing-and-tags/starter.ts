// Le Kaisa's cloud printing and member tags, in one file with three exports.
//
// 1. main_handler: the API gateway's WebSocket function. Tills and printers connect; the gateway calls this function
//    with websocket.action "connecting", "data send" (websocket.data is the text the client sent) or "closing".
//    To push to a client during the call, POST to the gateway's reverse-push URL, which the gateway puts in the
//    variable WEBSOCKET_PUSH_URL when it deploys this function:
//      await fetch(process.env.WEBSOCKET_PUSH_URL, { method: 'POST', body: JSON.stringify(
//        { websocket: { action: 'data send', secConnectionID, dataType: 'text', data } }) })
//    The answer's status says what happened: 200 pushed, 410 Gone the connection is closed. Messages are JSON text:
//      {"type":"hello","store":"SZ-01"}                           a printer says which store it prints for
//      {"type":"print","store":"SZ-01","ticket":"#A12 ..."}        a till sends a ticket to its store's printer
//    TODO, what the checks expect:
//    - A store has one printer connection. A hello from a new connection for the same store (the printer restarted
//      and reconnected) replaces the old one: later jobs go to the new connection only.
//    - A print job pushes the ticket to the store's printer and is answered { store, queued: false }, or
//      { store, queued: true } when the store has no printer connected.
//    - A push answered 410 Gone means that printer's connection closed before its "closing" event reached you:
//      forget it at once, and answer { store, queued: true } (the job is kept). Later jobs must not go to it.
//    - On "closing", forget the connection, so nothing is ever pushed to it again. But when the connection that
//      closes is an old one its store's printer has already replaced, the new one stays registered.
//    - A message you cannot use (not a JSON object, a type other than "hello" or "print", no store, a print job with
//      no ticket) is answered { error: "<what is wrong>" } with nothing pushed. Never throw: the gateway closes the
//      connection of a call that fails.
//
// 2. tagSpending and tagPreference: two subscribers of the paid-orders topic (a CMQ topic pushes one message per
//    call, in event.Records[0].CMQ.msgBody). An order is {"memberId":"M1001","amountFen":26800,"dishes":[...]}.
//    Each answers { memberId, tags }.
//    - tagSpending: tags ["big-spender"] when amountFen is 20000 or more, else ["regular"].
//    - tagPreference: one "likes-<category>" tag per category on the menu below, each once.
//    TODO, what the checks expect:
//    - Every order it can tag is taken on its first delivery: each subscriber handles each message once.
//    - An order with a dish that is not on the menu must fail the call, so the topic delivers it again; after 3
//      deliveries it moves to the dead-letter queue. Succeeding instead tells the topic it was handled.

interface WebSocketEvent {
  websocket: { action: string; secConnectionID: string; dataType?: string; data?: string };
}

interface CmqTopicEvent {
  Records: { CMQ: { msgId: string; msgBody: string } }[];
}

interface Order {
  memberId: string;
  amountFen: number;
  dishes: string[];
}

// The printers that said hello. Module scope stands in for a database here.
const printers: { connectionId: string; store: string }[] = [];

export const main_handler = async (event: WebSocketEvent) => {
  const { action, secConnectionID } = event.websocket;
  if (action === 'connecting') return { errNo: 0, errMsg: 'ok', websocket: { action: 'connecting', secConnectionID } };
  if (action === 'closing') {
    console.log(`${secConnectionID} closed`);
    return { errNo: 0, errMsg: 'ok' };
  }
  const message = JSON.parse(event.websocket.data ?? '');
  if (message.type === 'hello') {
    printers.push({ connectionId: secConnectionID, store: message.store });
    return { registered: message.store };
  }
  const to = printers.filter((printer) => printer.store === message.store);
  for (const printer of to) {
    await fetch(process.env.WEBSOCKET_PUSH_URL ?? '', {
      method: 'POST',
      body: JSON.stringify({ websocket: { action: 'data send', secConnectionID: printer.connectionId, dataType: 'text', data: message.ticket } }),
    });
  }
  return { store: message.store, queued: to.length === 0 };
};

function orderOf(event: CmqTopicEvent): Order {
  return JSON.parse(event.Records[0]!.CMQ.msgBody) as Order;
}

export const tagSpending = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  return { memberId: order.memberId, tags: [order.amountFen >= 20_000 ? 'big-spender' : 'regular'] };
};

const MENU: Record<string, string> = {
  'durian pizza': 'pizza',
  'margherita pizza': 'pizza',
  'lemon tea': 'drinks',
  tiramisu: 'dessert',
};

export const tagPreference = async (event: CmqTopicEvent) => {
  const order = orderOf(event);
  try {
    const tags = order.dishes.map((dish) => {
      const category = MENU[dish];
      if (category === undefined) throw new Error(`not on the menu: ${dish}`);
      return `likes-${category}`;
    });
    return { memberId: order.memberId, tags: [...new Set(tags)] };
  } catch (error) {
    // Skip what we cannot tag.
    console.log(`skipped: ${String(error)}`);
    return { memberId: order.memberId, tags: [] };
  }
};
