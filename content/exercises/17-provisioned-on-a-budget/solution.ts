// A few instances ready before the bell take the first burst, so it does not pile up cold starts; a short keep-alive
// lets the extra instances the burst still starts go once it has passed, instead of holding memory for ten minutes.
export const config = {
  provisionedConcurrency: 4,
  keepAliveS: 120,
};

export const main_handler = async (event: { table: number; dishes: string[] }) => {
  return { table: event.table, accepted: event.dishes.length };
};
