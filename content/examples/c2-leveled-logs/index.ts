// One JSON object per log line, each carrying the request id, so a log search
// can filter by requestId or level instead of grepping free text.
interface ScfContext {
  request_id: string;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];
const minLevel = LEVELS.indexOf((process.env.LOG_LEVEL ?? 'info') as Level);

function loggerFor(requestId: string) {
  return (level: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(level) < minLevel) return;
    const line = JSON.stringify({ level, requestId, msg, ...fields });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
}

export const main_handler = async (event: { orderId: string; items: number }, context: ScfContext) => {
  const log = loggerFor(context.request_id);
  log('debug', 'raw event', { event }); // dropped unless LOG_LEVEL=debug
  log('info', 'order received', { orderId: event.orderId, items: event.items });
  if (event.items > 20) log('warn', 'unusually large order', { orderId: event.orderId });
  return { orderId: event.orderId, accepted: true };
};
