// Twenty at once is all the database takes, so the function may run at most twenty at once: a request beyond that is
// throttled at the door rather than failing inside. The caller retries throttled requests, waiting longer each time,
// at random, so the retries spread out instead of arriving together while the twenty are still busy.
export const config = {
  reservedConcurrency: 20,
  retry: { attempts: 10, firstDelayMs: 100 },
};

const QUERY_MS = 100;

export const main_handler = async (event: { order: number; table: number }) => {
  await new Promise((resolve) => setTimeout(resolve, QUERY_MS));
  return { order: event.order, table: event.table, saved: true };
};
