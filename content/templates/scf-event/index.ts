// An SCF event function: SCF calls main_handler with the event (any JSON) and a context, and what it returns is
// the invocation's result. Console output goes to the function's log.
interface HelloEvent {
  key1?: string;
  key2?: string;
}

interface ScfContext {
  request_id: string;
  function_name: string;
  memory_limit_in_mb: number;
}

export const main_handler = async (event: HelloEvent, context: ScfContext) => {
  console.log('Hello World');
  console.log('event:', JSON.stringify(event));
  return { message: `Hello from ${context.function_name}`, requestId: context.request_id, received: event };
};
