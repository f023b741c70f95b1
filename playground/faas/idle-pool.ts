import type { Instance } from './instance.ts';
import type { RoutingRule } from './routing-rule.ts';

/**
 * The idle instances of one function in an array sorted by the routing rule, the preferred one last, so taking it
 * is a pop. An instance that has just gone idle belongs at or near the preferred end under every built-in rule
 * (the busy instances are the newest under newest-first, the oldest under oldest-first, and last-idle-first always
 * puts it there), so adding one is a comparison or two and a short move: model mode does one of each per request,
 * where the binary heap this replaced paid about three times log n comparisons.
 */
export class IdlePool {
  readonly #sorted: Instance[] = [];
  readonly #prefers: RoutingRule['prefers'];

  constructor(rule: RoutingRule) {
    this.#prefers = rule.prefers;
  }

  get size(): number {
    return this.#sorted.length;
  }

  /** The idle instances in no particular order; do not change the array. */
  get members(): readonly Instance[] {
    return this.#sorted;
  }

  add(instance: Instance): void {
    const sorted = this.#sorted;
    const prefers = this.#prefers;
    const n = sorted.length;
    if (n === 0 || !prefers(sorted[n - 1]!, instance)) {
      sorted.push(instance);
      return;
    }
    // Gallop back from the preferred end to bracket the place, then halve: few comparisons when it is near the end.
    let hi = n - 1;
    let step = 1;
    let lo = hi - step;
    while (lo > 0 && prefers(sorted[lo]!, instance)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < 0) lo = 0;
    // Now sorted[hi] is preferred to the instance, and everything below lo is not.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefers(sorted[mid]!, instance)) hi = mid;
      else lo = mid + 1;
    }
    // A hand-written move: splice would allocate the array of removed elements on every call.
    for (let i = n; i > lo; i--) sorted[i] = sorted[i - 1]!;
    sorted[lo] = instance;
  }

  /** Removes and returns the instance the routing rule prefers. */
  take(): Instance | undefined {
    return this.#sorted.pop();
  }

  /** Removes the instance if it is in the pool (reclaims are rare: a scan is fine). */
  remove(instance: Instance): void {
    const sorted = this.#sorted;
    const at = sorted.lastIndexOf(instance);
    if (at === -1) return;
    if (at === sorted.length - 1) sorted.pop();
    else sorted.splice(at, 1);
  }
}
