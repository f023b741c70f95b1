export const main_handler = async (event: any, context: any) => {
  console.log(`request ${context.request_id} for ${event.path}`);
  const name = event.queryString?.name ?? 'world';
  return {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ hello: name }),
  };
};
