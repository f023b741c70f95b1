// A COS trigger: one event can carry several records, one per object created in the bucket. The object's key
// starts with /<appid>/<bucket>/, which the handler strips to get the path inside the bucket.
interface CosRecord {
  cos: {
    cosObject: { key: string; size: number; url: string };
    cosBucket: { name: string; appid: string; region: string };
  };
  event: { eventName: string };
}

interface CosEvent {
  Records: CosRecord[];
}

export const main_handler = async (event: CosEvent) => {
  const objects = event.Records.map(({ cos, event: what }) => {
    const prefix = `/${cos.cosBucket.appid}/${cos.cosBucket.name}/`;
    const key = cos.cosObject.key.startsWith(prefix) ? cos.cosObject.key.slice(prefix.length) : cos.cosObject.key;
    console.log(`${what.eventName}: ${cos.cosBucket.name}/${key} (${cos.cosObject.size} bytes)`);
    return { bucket: cos.cosBucket.name, key, size: cos.cosObject.size };
  });
  return { processed: objects.length, objects };
};
