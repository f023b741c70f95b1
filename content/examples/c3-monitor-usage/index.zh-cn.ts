// 只属于这一次调用的运行时级数字：干活前读一次，干完后取差值。进程启动以来的累计值
// 会把初始化工作和这个实例之前的每一次热调用都算进来。
interface Reading {
  cpu?: { user: number; system: number };
  heapUsed: number;
  rss: number;
}

function read(): Reading {
  // 浏览器 Worker 里没有 process.cpuUsage，演练场里替代 process.memoryUsage() 的实现只返回 0；
  // 在 Node 里拿到的才是真实数值。
  const hasCpu = typeof process !== 'undefined' && typeof process.cpuUsage === 'function';
  const hasMem = typeof process !== 'undefined' && typeof process.memoryUsage === 'function';
  const mem = hasMem ? process.memoryUsage() : { heapUsed: 0, rss: 0 };
  return { cpu: hasCpu ? process.cpuUsage() : undefined, heapUsed: mem.heapUsed, rss: mem.rss };
}

// 模拟真正的业务：把一天的虚构订单金额加起来。
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

  // cpuUsage 的单位是微秒；user 是 JavaScript 和 V8 用的时间，system 是内核用的时间。
  // 两者统计的都是整个进程：在 Node 的 Worker 线程里运行时，宿主程序也算在里面。
  const cpuMs = before.cpu && after.cpu
    ? { user: (after.cpu.user - before.cpu.user) / 1000, system: (after.cpu.system - before.cpu.system) / 1000 }
    : null;
  // 0 表示“这里没测”，而不是“没用内存”。干活期间如果发生垃圾回收，堆的差值可能是负数，这很正常。
  const heapDeltaKb = after.heapUsed > 0 ? Math.round((after.heapUsed - before.heapUsed) / 1024) : null;
  const rssMb = after.rss > 0 ? Math.round(after.rss / 1048576) : null;

  console.log(`invocation ${invocation}: wall ${wallMs} ms, cpu ${cpuMs ? `user ${cpuMs.user} ms / system ${cpuMs.system} ms` : 'n/a'}, heapUsed ${heapDeltaKb === null ? 'n/a' : `${heapDeltaKb} KB`}, rss ${rssMb === null ? 'n/a' : `${rssMb} MB`}`);
  return { invocation, total: Math.round(total * 100) / 100, wallMs, cpuMs, heapDeltaKb, rssMb };
};
