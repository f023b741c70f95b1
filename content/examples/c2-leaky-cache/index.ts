// A "cache" that only grows. Every invocation keeps about 1 MB at module
// scope and nothing ever evicts it, so each warm invocation of the same
// instance holds more memory than the last, until the instance runs out.
const retained: Array<{ userId: string; page: string; body: number[] }> = [];

// Stands in for a rendered page: 131,072 numbers of 8 bytes, about 1 MB.
const render = (page: string) => new Array<number>(131_072).fill(page.length + 0.5);

function heapUsedMb(): number | undefined {
  // Node reports the real heap; a browser worker cannot measure it (the
  // playground's stand-in reports 0), so there only the estimate is logged.
  const heapUsed = typeof process.memoryUsage === 'function' ? process.memoryUsage().heapUsed : 0;
  return heapUsed > 0 ? Math.round(heapUsed / 1e5) / 10 : undefined;
}

export const main_handler = async (event: { userId: string; page: string }) => {
  // The bug: nothing bounds this array (no key, no size limit, no expiry).
  retained.push({ userId: event.userId, page: event.page, body: render(event.page) });
  const cacheMb = retained.length;
  const heapMb = heapUsedMb();
  console.log(`invocation ${retained.length}: cache ~${cacheMb} MB` + (heapMb === undefined ? '' : `, heapUsed ${heapMb} MB`));
  return { invocations: retained.length, cacheMb, heapUsedMb: heapMb ?? null };
};
