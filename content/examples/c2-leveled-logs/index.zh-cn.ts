// 每行日志是一个 JSON 对象，都带着请求 ID，这样日志检索就能按 requestId 或 level 过滤，
// 不用在随手写的文本里 grep。
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
  log('debug', 'raw event', { event }); // 除非 LOG_LEVEL=debug，否则不输出
  log('info', 'order received', { orderId: event.orderId, items: event.items });
  if (event.items > 20) log('warn', 'unusually large order', { orderId: event.orderId });
  return { orderId: event.orderId, accepted: true };
};
