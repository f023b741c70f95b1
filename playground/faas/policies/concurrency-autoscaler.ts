import type { KeepAlivePolicy, PolicyControl } from '../keep-alive-policy.ts';

export interface AutoscalerOptions {
  /** How often concurrency is sampled and the decision made (the cold-start talk: every second). */
  tickMs?: number;
  /** Averaging window for normal scaling (Knative KPA default 60 s). */
  stableWindowMs?: number;
  /** Short window that detects surges (KPA: 10 % of the stable window, 6 s). */
  panicWindowMs?: number;
  /** Enter panic when the panic window wants this many times the current instances (KPA: 200 %). */
  panicThreshold?: number;
  /** Share of each instance's capacity to aim for (KPA's container-concurrency-target-percentage, 70 %). */
  targetUtilization?: number;
  /** Requests one instance serves at once (1 on Lambda and SCF). */
  perInstance?: number;
  /** Instances the scaler never goes below. */
  minInstances?: number;
  /** At most this factor of shrinking per tick (KPA's max-scale-down-rate, 2: at most halve). */
  maxScaleDownRate?: number;
}

/**
 * A concurrency-driven autoscaler in the manner of Knative's KPA and of the cold-start talk's real-time scaling:
 * every tick it samples how many requests are running, averages over a stable window (and a short panic window),
 * and pre-creates instances to cover the average at the target utilisation or ends idle ones beyond it. In panic
 * (a surge of twice the capacity in the short window) it only scales up, until a stable window passes calmly.
 * Instances are kept while idle; the scaler, not a keep-alive timer, decides when they go. Scale-in waits a cooldown
 * (the talk's word; here one stable window: no instance is removed while any tick of the window wanted it or
 * had that much concurrency) and then
 * shrinks step-wise, at most halving per tick, and only idle instances.
 */
export function concurrencyAutoscaler(options: AutoscalerOptions = {}): KeepAlivePolicy {
  const tickMs = options.tickMs ?? 1000;
  const stableTicks = Math.max(1, Math.round((options.stableWindowMs ?? 60_000) / tickMs));
  const panicTicks = Math.max(1, Math.round((options.panicWindowMs ?? 6000) / tickMs));
  const panicThreshold = options.panicThreshold ?? 2;
  const perInstanceTarget = (options.perInstance ?? 1) * (options.targetUtilization ?? 0.7);
  const minInstances = options.minInstances ?? 0;
  const maxScaleDownRate = options.maxScaleDownRate ?? 2;
  // A ring of the last stableTicks samples, with running sums over both windows.
  const samples = new Float64Array(stableTicks);
  /** What each tick of the stable window wanted: scale-in goes no lower than the highest of them. */
  const wants = new Float64Array(stableTicks);
  let filled = 0;
  let next = 0;
  let stableSum = 0;
  let control: PolicyControl | null = null;
  let timer = -1;
  let panicUntilTick = -1;
  let tick = 0;

  const decide = (): void => {
    if (!control) return;
    const c = control;
    const counts = c.counts();
    const concurrency = counts.busy;
    stableSum += concurrency - samples[next]!;
    samples[next] = concurrency;
    next = (next + 1) % stableTicks;
    if (filled < stableTicks) filled++;
    let panicSum = 0;
    const panicCount = Math.min(panicTicks, filled);
    for (let k = 1; k <= panicCount; k++) panicSum += samples[(next - k + stableTicks) % stableTicks]!;
    const stableWant = Math.ceil(stableSum / filled / perInstanceTarget - 1e-9);
    const panicWant = Math.ceil(panicSum / panicCount / perInstanceTarget - 1e-9);
    const current = counts.busy + counts.idle + counts.starting;
    if (current > 0 ? panicWant >= panicThreshold * current : panicWant > 0) panicUntilTick = tick + stableTicks;
    const panicking = tick < panicUntilTick;
    let want = Math.max(minInstances, panicking ? Math.max(panicWant, stableWant) : stableWant);
    if (panicking) want = Math.max(want, current);
    // Traffic starts instances on demand too; those it needed at this tick are kept through the cooldown.
    wants[tick % stableTicks] = Math.max(want, Math.ceil(concurrency / perInstanceTarget - 1e-9));
    if (want > current) {
      c.prewarm(want - current);
    } else if (counts.idle > 0) {
      let floor = Math.floor(current / maxScaleDownRate);
      for (const w of wants) if (w > floor) floor = w;
      if (floor < current) c.reclaimIdle(Math.min(counts.idle, current - floor));
    }
    tick++;
    timer = c.clock.schedule(c.clock.now() + tickMs, decide);
  };

  return {
    attach(c) {
      control = c;
      if (minInstances > 0) c.prewarm(minInstances);
      timer = c.clock.schedule(c.clock.now() + tickMs, decide);
    },
    detach() {
      if (control && timer !== -1) control.clock.cancel(timer);
      control = null;
      timer = -1;
    },
    keepAliveMs: () => Infinity,
  };
}
