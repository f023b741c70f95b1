// The resource part of a function's bill is configured memory times run
// time (GB-seconds), so a function can estimate its own share. It is an
// estimate: the platform measures the duration itself and applies its own
// rounding and free quota.
interface ScfContext {
  request_id?: string;
  memory_limit_in_mb?: number;
}

interface BillEvent {
  // Stands in for a call to a database or another service.
  waitMs?: number;
}

let invocations = 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const main_handler = async (event: BillEvent, context: ScfContext) => {
  const start = Date.now();
  invocations += 1;
  // Waiting is billed like computing: the instance's memory is reserved
  // for the whole invocation, whatever the CPU is doing.
  await sleep(Math.min(Math.max(event.waitMs ?? 200, 0), 2000));
  const durationMs = Date.now() - start;
  const memoryMb = context.memory_limit_in_mb ?? 128;
  const gbSeconds = (memoryMb / 1024) * (durationMs / 1000);
  return {
    requestId: context.request_id,
    memoryMb,
    durationMs,
    gbSeconds: Number(gbSeconds.toPrecision(3)),
    // Between invocations an on-demand instance costs nothing on this meter (idle provisioned
    // instances do), which is the point of the talk's comparison with an always-on server.
    invocationsOnThisInstance: invocations,
  };
};
