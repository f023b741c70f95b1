export const main_handler = async (event: any) => {
  if (event?.requestContext && typeof event.httpMethod === 'string') return { kind: 'http', path: event.path };
  if (event?.Type === 'Timer') return { kind: 'timer', trigger: event.TriggerName };
  const record = event?.Records?.[0];
  if (record?.cos) return { kind: 'cos', key: record.cos.cosObject.key };
  if (record?.CMQ) return { kind: 'queue', message: record.CMQ.msgBody };
  throw new Error(`Unknown event: ${JSON.stringify(event).slice(0, 80)}`);
};
