// The canteen's ordering function. Every working day at 12:00 the lunch bell rings and 1,800 orders arrive in two
// minutes, after half an hour of a few orders a minute. A cold request takes 2 s; a warm one about 0.1 s.
// The handler is fine. Choose its settings in `config` so that, on the lunch trace (11:30 to 12:30) in model mode:
// - the p99 latency is at most 250 ms, and
// - idle instances hold at most 10,000 GB-s of memory (512 MB each),
// for each of the seeds 1, 2 and 3. The check reads provisionedConcurrency (default 0) and keepAliveS (default 600).
export const config = {
  provisionedConcurrency: 0,
  keepAliveS: 600,
};

export const main_handler = async (event: { table: number; dishes: string[] }) => {
  return { table: event.table, accepted: event.dishes.length };
};
