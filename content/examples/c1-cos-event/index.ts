// A COS trigger calls the function asynchronously: nobody waits for the
// return value, so the work must leave its mark somewhere (here: the log).
interface CosRecord {
  cos: { cosObject: { key: string; size: number }; cosBucket: { name: string } };
  event: { eventName: string };
}

export const main_handler = async (event: { Records: CosRecord[] }) => {
  for (const record of event.Records) {
    const { key, size } = record.cos.cosObject;
    // The key is "/<appid>/<bucket>/<path>"; keep only the path.
    const path = key.split('/').slice(3).join('/');
    console.log(`${record.event.eventName} ${record.cos.cosBucket.name}/${path} (${size} bytes)`);
  }
  return { processed: event.Records.length };
};
