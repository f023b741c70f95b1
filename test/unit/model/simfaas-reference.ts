import { Random } from '../../../playground/model/random.ts';

/**
 * A second, deliberately naive implementation of SimFaaS's model (Mahmoudi & Khazaei 2021), written from its
 * published semantics rather than from our Platform, to check the model mode against: Poisson arrivals,
 * exponential warm and cold response times (the cold one is the whole first response), one request per instance,
 * newest idle instance first, idle timer restarted after each request, rejection when `maxConcurrency` instances
 * are running, no queue; time averages from an empty start. It scans every instance at every event (O(n) per
 * event, as SimFaaS does), which is fine for test-sized runs.
 */
export interface ReferenceResult {
  requests: number;
  coldStarts: number;
  rejected: number;
  avgInstances: number;
  avgRunning: number;
  avgIdle: number;
}

interface RefInstance {
  created: number;
  busyUntil: number;
  expiresAt: number;
}

export function simfaasReference(p: { ratePerS: number; warmMean: number; coldMean: number; keepAliveS: number; maxConcurrency: number; horizonS: number; seed: number }): ReferenceResult {
  const random = new Random(p.seed);
  let t = 0;
  let nextArrival = random.exponential(1 / p.ratePerS);
  const instances: RefInstance[] = [];
  let requests = 0;
  let coldStarts = 0;
  let rejected = 0;
  let runningArea = 0;
  let idleArea = 0;
  const advance = (to: number): void => {
    const running = instances.filter((i) => i.busyUntil > t).length;
    runningArea += running * (to - t);
    idleArea += (instances.length - running) * (to - t);
    t = to;
  };
  for (;;) {
    // Next instance transition: a departure (busy) or an expiry (idle). Transitions win ties with arrivals.
    let soonest = Infinity;
    let which = -1;
    instances.forEach((instance, k) => {
      const at = instance.busyUntil > t ? instance.busyUntil : instance.expiresAt;
      if (at < soonest) {
        soonest = at;
        which = k;
      }
    });
    const next = Math.min(soonest, nextArrival);
    if (next >= p.horizonS) break;
    advance(next);
    if (soonest <= nextArrival) {
      const instance = instances[which]!;
      if (instance.busyUntil === t) instance.expiresAt = t + p.keepAliveS;
      else instances.splice(which, 1);
      continue;
    }
    nextArrival = t + random.exponential(1 / p.ratePerS);
    requests++;
    const running = instances.filter((i) => i.busyUntil > t).length;
    if (running >= p.maxConcurrency) {
      rejected++;
      continue;
    }
    const idle = instances.filter((i) => i.busyUntil <= t);
    if (idle.length > 0) {
      const newest = idle.reduce((a, b) => (b.created > a.created ? b : a));
      newest.busyUntil = t + random.exponential(p.warmMean);
      newest.expiresAt = Infinity;
    } else {
      coldStarts++;
      instances.push({ created: t, busyUntil: t + random.exponential(p.coldMean), expiresAt: Infinity });
    }
  }
  advance(p.horizonS);
  return {
    requests,
    coldStarts,
    rejected,
    avgInstances: (runningArea + idleArea) / p.horizonS,
    avgRunning: runningArea / p.horizonS,
    avgIdle: idleArea / p.horizonS,
  };
}
