// An API gateway trigger calls the function synchronously and turns the
// returned object into an HTTP response (the "integrated response").
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
    // body must be a string: serialize it yourself.
    body: JSON.stringify({ hello: name, path: event.path }),
  };
};
