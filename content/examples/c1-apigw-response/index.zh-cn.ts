// API 网关触发器以同步方式调用函数，再把函数返回的对象转成 HTTP 响应（即“集成响应”）。
interface GatewayEvent {
  httpMethod: string;
  path: string;
  queryString?: Record<string, string>;
}

export const main_handler = async (event: GatewayEvent) => {
  const name = event.queryString?.name;
  if (!name) {
    return {
      isBase64Encoded: false,
      statusCode: 400,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: 'add ?name=... to the URL' }),
    };
  }
  return {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    // body 必须是字符串，需要自己序列化。
    body: JSON.stringify({ hello: name, path: event.path }),
  };
};
