// COS 触发器以异步方式调用函数：没有谁在等返回值，所以处理的结果必须留在别处（这里是日志）。
interface CosRecord {
  cos: { cosObject: { key: string; size: number }; cosBucket: { name: string } };
  event: { eventName: string };
}

export const main_handler = async (event: { Records: CosRecord[] }) => {
  for (const record of event.Records) {
    const { key, size } = record.cos.cosObject;
    // 对象键的格式是 `/<appid>/<bucket>/<path>`，只保留 path 部分。
    const path = key.split('/').slice(3).join('/');
    console.log(`${record.event.eventName} ${record.cos.cosBucket.name}/${path} (${size} bytes)`);
  }
  return { processed: event.Records.length };
};
