/**
 * Model-mode throughput of the scheduler alone: Poisson arrivals (λ = 50/s), exponential service times,
 * keep-alive 600 s, on a throwaway heap clock and a simulated host that allocate as little as they can, so the
 * figure is the Platform's own cost per request. Prints the median of 5 runs and the ratio to the 2 M req/s target.
 */
import type { Clock, TimerId } from '../../playground/faas/clock.ts';
import type { ExitReason, InstanceHandle, InstanceHost, InstanceListener, InstanceSpec, InvokeOutcome, InvokeRequest } from '../../playground/faas/instance-host.ts';
import { Platform } from '../../playground/faas/platform.ts';

const REQUESTS = 2_000_000;
const RATE_PER_S = 50;
const WARM_MEAN_MS = 200;
const COLD_MS = 500;
const TARGET = 2_000_000;

/** A binary heap of timers ordered by (time, id); cancelled ids are skipped when they surface. */
class HeapClock implements Clock {
  #now = 0;
  #id = 0;
  #at: number[] = [];
  #ids: number[] = [];
  #fire: (() => void)[] = [];
  readonly #cancelled = new Set<number>();

  now(): number {
    return this.#now;
  }

  schedule(atMs: number, fire: () => void): TimerId {
    const id = ++this.#id;
    let i = this.#at.length;
    this.#at.push(atMs);
    this.#ids.push(id);
    this.#fire.push(fire);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.#at[p]! < atMs || (this.#at[p] === atMs && this.#ids[p]! < id)) break;
      this.#set(i, this.#at[p]!, this.#ids[p]!, this.#fire[p]!);
      i = p;
    }
    this.#set(i, atMs, id, fire);
    return id;
  }

  cancel(id: TimerId): void {
    this.#cancelled.add(id);
  }

  run(): void {
    while (this.#at.length > 0) {
      const at = this.#at[0]!;
      const id = this.#ids[0]!;
      const fire = this.#fire[0]!;
      this.#pop();
      if (this.#cancelled.size !== 0 && this.#cancelled.delete(id)) continue;
      this.#now = at;
      fire();
    }
  }

  #set(i: number, at: number, id: number, fire: () => void): void {
    this.#at[i] = at;
    this.#ids[i] = id;
    this.#fire[i] = fire;
  }

  #pop(): void {
    const at = this.#at.pop()!;
    const id = this.#ids.pop()!;
    const fire = this.#fire.pop()!;
    const n = this.#at.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (this.#at[r]! < this.#at[l]! || (this.#at[r] === this.#at[l] && this.#ids[r]! < this.#ids[l]!)) ? r : l;
      if (at < this.#at[c]! || (at === this.#at[c] && id < this.#ids[c]!)) break;
      this.#set(i, this.#at[c]!, this.#ids[c]!, this.#fire[c]!);
      i = c;
    }
    this.#set(i, at, id, fire);
  }
}

/** Instances that take COLD_MS to start and an exponential time per request; one reused outcome per instance. */
class SimulatedHost implements InstanceHost {
  readonly #clock: HeapClock;
  constructor(clock: HeapClock) {
    this.#clock = clock;
  }

  start(_spec: InstanceSpec, listener: InstanceListener): InstanceHandle {
    const clock = this.#clock;
    const phases = { spawnMs: 0, loadMs: 0, initMs: COLD_MS };
    const outcome: InvokeOutcome = { requestId: '', durationMs: 0, usage: {}, result: { ok: true, value: null } };
    const finish = (): void => listener.onResult(outcome);
    clock.schedule(clock.now() + COLD_MS, () => listener.onReady(phases));
    return {
      invoke(request: InvokeRequest) {
        const duration = -Math.log(1 - Math.random()) * WARM_MEAN_MS;
        outcome.requestId = request.requestId;
        outcome.durationMs = duration;
        clock.schedule(clock.now() + duration, finish);
      },
      terminate(reason: ExitReason) {
        clock.schedule(clock.now(), () => listener.onExit(reason));
      },
    };
  }
}

function run(): { perSecond: number; perCpuSecond: number; cold: number } {
  const clock = new HeapClock();
  let n = 0;
  const platform = new Platform({ clock, host: new SimulatedHost(clock), requestIds: () => String(++n) });
  platform.deploy({ name: 'f', dialect: 'lambda', exportName: 'handler', bundle: '', memoryMb: 128, timeoutS: 30, keepAliveS: 600 });
  let cold = 0;
  platform.onComplete((record) => {
    if (record.startKind === 'cold') cold++;
  });
  let sent = 0;
  const event = {};
  const arrive = (): void => {
    platform.submit('f', event);
    if (++sent < REQUESTS) clock.schedule(clock.now() + (-Math.log(1 - Math.random()) * 1000) / RATE_PER_S, arrive);
  };
  clock.schedule(0, arrive);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  clock.run();
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: REQUESTS / seconds, perCpuSecond: REQUESTS / ((cpu.user + cpu.system) / 1e6), cold };
}

/** The platform alone: a host that answers inside invoke() and no clock work, so only the scheduler's cost is left. */
function platformAlone(): number {
  const clock: Clock = { now: () => 0, schedule: () => 0, cancel: () => {} };
  const outcome: InvokeOutcome = { requestId: '', durationMs: 1, usage: {}, result: { ok: true, value: null } };
  const host: InstanceHost = {
    start(_spec, listener) {
      listener.onReady({ spawnMs: 0, loadMs: 0, initMs: 0 });
      return {
        invoke(request) {
          outcome.requestId = request.requestId;
          listener.onResult(outcome);
        },
        terminate: (reason) => listener.onExit(reason),
      };
    },
  };
  let n = 0;
  const platform = new Platform({ clock, host, requestIds: () => String(++n) });
  platform.deploy({ name: 'f', dialect: 'lambda', exportName: 'handler', bundle: '', memoryMb: 128, timeoutS: 30, keepAliveS: 600 });
  const event = {};
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) platform.submit('f', event);
  const cpu = process.cpuUsage(cpuBefore);
  return REQUESTS / ((cpu.user + cpu.system) / 1e6);
}

const runs = Array.from({ length: 5 }, run);
const alone = Array.from({ length: 5 }, platformAlone).sort((a, b) => a - b)[2]!;
const rates = runs.map((r) => r.perSecond).sort((a, b) => a - b);
const median = rates[2]!;
const cpuRates = runs.map((r) => r.perCpuSecond).sort((a, b) => a - b);
console.log(`platform, model mode: ${REQUESTS.toLocaleString('en')} requests at λ=${RATE_PER_S}/s, keep-alive 600 s, service mean ${WARM_MEAN_MS} ms`);
console.log(`  median ${(median / 1e6).toFixed(2)} M simulated requests/s (runs: ${rates.map((r) => (r / 1e6).toFixed(2)).join(', ')})`);
// The machine is shared: CPU time spent by this process is steadier than wall time when others load it.
console.log(`  median ${(cpuRates[2]! / 1e6).toFixed(2)} M simulated requests per CPU-second of this process`);
console.log(`  the platform alone (synchronous host, no timers): median ${(alone / 1e6).toFixed(2)} M requests per CPU-second`);
console.log(`  cold starts per run: ${runs[0]!.cold}; ratio to the 2 M req/s target: ${(median / TARGET).toFixed(2)}`);
