// This is exercise 1's answer, written for Tencent SCF. The function is now configured for AWS Lambda with the
// handler "index.handler" behind an API Gateway HTTP API. Port it: same greeting, Lambda's names.
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
