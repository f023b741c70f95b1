// 一个函数接了四种触发器。判断事件是哪种触发器发来的，并返回：
//   API 网关     -> { kind: 'http',  path: event.path }
//   定时器       -> { kind: 'timer', trigger: <定时器的名称> }
//   COS 上传     -> { kind: 'cos',   key: <Records[0].cos.cosObject.key 的原样取值，带着 /<appid>/<bucket>/ 前缀> }
//   CMQ 消息     -> { kind: 'queue', message: <消息体> }
// 四种事件的结构都列在练习页的起始代码下方；每种结果只含上面列出的字段。
// 其他事件一律抛出 Error：触发器接错了，就要立刻明明白白地报错，而不是悄无声息地混过去。
export const main_handler = async (event: any) => {
  return { kind: 'unknown' };
};
