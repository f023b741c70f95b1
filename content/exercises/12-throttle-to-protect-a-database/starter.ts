// Every order the canteen's mini-program takes is written by this function to a database that allows 20 connections.
// At lunch, orders arrive at 200 a second, and each request holds a connection for about 100 ms.
// The handler is fine. Choose the settings in `config` so that, for 1,000 orders sent at 200 a second:
// - the database never has more than 20 connections open: a handler holds one while it runs;
// - at least 99 % of the orders succeed in the end. A request the platform throttles is not lost: the caller sends
//   it again as `config.retry` says (at most `attempts` tries in all; before try n + 1 it waits a random time between
//   0 and firstDelayMs × 2^(n − 1)). Without `retry` it tries once.
// Without reservedConcurrency the function may use the account's unreserved concurrency, 30 in this exercise.
export const config = {};

const QUERY_MS = 100;

export const main_handler = async (event: { order: number; table: number }) => {
  // Stands for an INSERT on one of the database's connections.
  await new Promise((resolve) => setTimeout(resolve, QUERY_MS));
  return { order: event.order, table: event.table, saved: true };
};
