// Stands in for loading a big SDK or a config file: work done once, at init.
const initStart = Date.now();
const LIMIT = 5_000_000;
const composite = new Uint8Array(LIMIT + 1);
for (let i = 2; i * i <= LIMIT; i++) {
  if (composite[i] === 0) {
    for (let j = i * i; j <= LIMIT; j += i) composite[j] = 1;
  }
}
const initMs = Date.now() - initStart;
let served = 0;

export const main_handler = async (event: { n?: number }) => {
  served += 1;
  const n = event.n ?? 97;
  const isPrime = n >= 2 && n <= LIMIT && composite[n] === 0;
  // initMs is the same on every warm call: it was paid once, by the cold start.
  return { n, isPrime, initMs, servedByThisInstance: served };
};
