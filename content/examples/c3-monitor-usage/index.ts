// Runtime-level numbers for ONE invocation: take a reading before the work and
// the difference after it. Totals since the process started would mix in init
// work and every earlier warm invocation of this instance.
interface Reading {
  cpu?: { user: number; system: number };
  heapUsed: number;
  rss: number;
}

function read(): Reading {
  // A browser worker has no process.cpuUsage, and the playground's
  // process.memoryUsage() stand-in answers zeros; Node answers real numbers.
  const hasCpu = typeof process !== 'undefined' && typeof process.cpuUsage === 'function';
  const hasMem = typeof process !== 'undefined' && typeof process.memoryUsage === 'function';
  const mem = hasMem ? process.memoryUsage() : { heapUsed: 0, rss: 0 };
  return { cpu: hasCpu ? process.cpuUsage() : undefined, heapUsed: mem.heapUsed, rss: mem.rss };
}

// Stands in for real work: total up a day of made-up orders.
function work(orders: number): number {
  const amounts = Array.from({ length: orders }, (_, i) => ((i * 7919) % 10_000) / 100);
  return amounts.reduce((sum, yuan) => sum + yuan, 0);
}

let invocation = 0;

export const main_handler = async (event: { orders?: number }) => {
  invocation += 1;
  const started = Date.now();
  const before = read();
  const total = work(event.orders ?? 200_000);
  const after = read();
  const wallMs = Date.now() - started;

  // cpuUsage is in microseconds; user = JavaScript and V8, system = the kernel.
  // Both count the whole process: in a Node worker thread that includes the host.
  const cpuMs = before.cpu && after.cpu
    ? { user: (after.cpu.user - before.cpu.user) / 1000, system: (after.cpu.system - before.cpu.system) / 1000 }
    : null;
  // Zero means "not measured here", not "no memory used". A garbage collection
  // during the work can make the heap delta negative: that is normal.
  const heapDeltaKb = after.heapUsed > 0 ? Math.round((after.heapUsed - before.heapUsed) / 1024) : null;
  const rssMb = after.rss > 0 ? Math.round(after.rss / 1048576) : null;

  console.log(`invocation ${invocation}: wall ${wallMs} ms, cpu ${cpuMs ? `user ${cpuMs.user} ms / system ${cpuMs.system} ms` : 'n/a'}, heapUsed ${heapDeltaKb === null ? 'n/a' : `${heapDeltaKb} KB`}, rss ${rssMb === null ? 'n/a' : `${rssMb} MB`}`);
  return { invocation, total: Math.round(total * 100) / 100, wallMs, cpuMs, heapDeltaKb, rssMb };
};
