// An API gateway trigger with the integrated response: the gateway passes the HTTP request as the event and
// turns the returned { statusCode, headers, body, isBase64Encoded } into the HTTP response.
interface ApiGatewayEvent {
  httpMethod: string;
  path: string;
  pathParameters?: Record<string, string>;
  queryString?: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}

export const main_handler = async (event: ApiGatewayEvent) => {
  const name = event.pathParameters?.name ?? event.queryString?.name ?? 'world';
  const lang = event.queryString?.lang ?? 'en';
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ greeting: lang === 'zh-cn' ? `你好，${name}` : `Hello, ${name}`, method: event.httpMethod, path: event.path }),
    isBase64Encoded: false,
  };
};
