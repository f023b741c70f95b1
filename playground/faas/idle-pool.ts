import type { Instance } from './instance.ts';
import type { RoutingRule } from './routing-rule.ts';

/**
 * The idle instances of one function in a binary heap ordered by the routing rule, so taking the preferred one and
 * removing any one (when it is reclaimed) cost O(log n). Each instance remembers its slot in `poolIndex`.
 */
export class IdlePool {
  readonly #heap: Instance[] = [];
  readonly #prefers: RoutingRule['prefers'];

  constructor(rule: RoutingRule) {
    this.#prefers = rule.prefers;
  }

  get size(): number {
    return this.#heap.length;
  }

  /** The idle instances in no particular order; do not change the array. */
  get members(): readonly Instance[] {
    return this.#heap;
  }

  add(instance: Instance): void {
    instance.poolIndex = this.#heap.length;
    this.#heap.push(instance);
    this.#up(instance.poolIndex);
  }

  /** Removes and returns the instance the routing rule prefers. */
  take(): Instance | undefined {
    const heap = this.#heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    this.#removeAt(0);
    return top;
  }

  remove(instance: Instance): void {
    const i = instance.poolIndex;
    if (i < 0 || this.#heap[i] !== instance) return;
    this.#removeAt(i);
  }

  #removeAt(i: number): void {
    const heap = this.#heap;
    const removed = heap[i]!;
    const last = heap.pop()!;
    removed.poolIndex = -1;
    if (i === heap.length) return;
    heap[i] = last;
    last.poolIndex = i;
    this.#down(i);
    this.#up(last.poolIndex);
  }

  #up(i: number): void {
    const heap = this.#heap;
    const prefers = this.#prefers;
    const item = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!prefers(item, p)) break;
      heap[i] = p;
      p.poolIndex = i;
      i = parent;
    }
    heap[i] = item;
    item.poolIndex = i;
  }

  #down(i: number): void {
    const heap = this.#heap;
    const prefers = this.#prefers;
    const n = heap.length;
    const item = heap[i]!;
    for (;;) {
      let best = i;
      let bestItem = item;
      const l = 2 * i + 1;
      if (l < n && prefers(heap[l]!, bestItem)) {
        best = l;
        bestItem = heap[l]!;
      }
      const r = l + 1;
      if (r < n && prefers(heap[r]!, bestItem)) {
        best = r;
        bestItem = heap[r]!;
      }
      if (best === i) break;
      heap[i] = bestItem;
      bestItem.poolIndex = i;
      i = best;
    }
    heap[i] = item;
    item.poolIndex = i;
  }
}
