// Answer an API gateway request with an integrated response:
// status 200, a JSON body {"hello": "<name>"} taken from the query string (default "world"),
// a Content-Type header, and isBase64Encoded set to false.
// Also log one line that contains the request id (context.request_id): it is what you search the logs by.
export const main_handler = async (event: any, context: any) => {
  return { statusCode: 501, body: 'Not implemented yet' };
};
