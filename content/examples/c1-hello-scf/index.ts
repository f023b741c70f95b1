// SCF dialect: handler "index.main_handler" means file index, export main_handler.
interface HelloEvent {
  name?: string;
}

interface ScfContext {
  request_id?: string;
  function_name?: string;
  memory_limit_in_mb?: number;
  time_limit_in_ms?: number;
}

export const main_handler = async (event: HelloEvent, context: ScfContext) => {
  const name = event.name ?? 'world';
  console.log(`greeting ${name} in request ${context.request_id}`);
  // A sync caller receives this object, serialized as JSON.
  return {
    message: `Hello, ${name}!`,
    requestId: context.request_id,
    memoryMb: context.memory_limit_in_mb,
  };
};
