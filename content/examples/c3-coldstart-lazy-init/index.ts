// Module scope runs on every cold start, so only what every request needs
// belongs there. The heavy part below is needed by some requests only.
const instanceId = Math.random().toString(36).slice(2, 8);
let invocations = 0;

// Stands in for a large dependency (a PDF or image library, a big SDK)
// that only the "report" requests use.
let primes: Uint8Array | undefined;
let lazyInitMs: number | null = null;

function loadPrimes(): Uint8Array {
  if (primes === undefined) {
    const start = Date.now();
    const limit = 5_000_000;
    const composite = new Uint8Array(limit + 1);
    for (let i = 2; i * i <= limit; i++) {
      if (composite[i] === 0) {
        for (let j = i * i; j <= limit; j += i) composite[j] = 1;
      }
    }
    primes = composite;
    lazyInitMs = Date.now() - start;
  }
  return primes;
}

export const main_handler = async (event: { report?: boolean; n?: number }) => {
  invocations += 1;
  const start = Date.now();
  // Loaded on first use, then kept for the rest of this instance's life,
  // just as if it had been loaded at module scope.
  const paidLazyInitNow = event.report === true && primes === undefined;
  let isPrime: boolean | null = null;
  if (event.report === true) {
    const table = loadPrimes();
    const n = event.n ?? 7919;
    isPrime = n >= 2 && n < table.length && table[n] === 0;
  }
  return {
    instanceId,
    coldStart: invocations === 1,
    invocation: invocations,
    report: event.report === true,
    isPrime,
    paidLazyInitNow,
    lazyInitMs,
    handlerMs: Date.now() - start,
  };
};
