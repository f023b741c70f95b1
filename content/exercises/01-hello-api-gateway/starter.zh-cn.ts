// 用集成响应回复 API 网关转来的请求：
// 状态码 200，body 为 JSON {"hello": "<name>"}，name 取自查询参数（没有时默认为 `world`），
// 带上 Content-Type 头，并把 isBase64Encoded 设为 false。
// 另外打印一行包含请求 ID（context.request_id）的日志：排查问题时就靠它检索日志。
export const main_handler = async (event: any, context: any) => {
  return { statusCode: 501, body: 'Not implemented yet' };
};
