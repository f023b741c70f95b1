/**
 * VirtualClock's binary min-heap of timers ordered by (time, id), as three parallel arrays rather than an array of
 * objects: nothing is allocated per timer beyond the callback the caller already has. The clock reads the top
 * (index 0) in place; only push and pop change the heap.
 */
export class TimerHeap {
  size = 0;
  at = new Float64Array(64);
  ids = new Float64Array(64);
  readonly fires: (() => void)[] = [];

  push(at: number, id: number, fire: () => void): void {
    if (this.size === this.at.length) this.#grow();
    this.#rise(this.size++, at, id, fire);
  }

  /**
   * Removes the top timer, bottom-up (Floyd): the hole at the root sinks to a leaf along the earlier child, one
   * comparison a level, and the last timer rises into it from there. It usually belongs near the bottom, so this
   * costs about half the comparisons of sifting it down from the root.
   */
  pop(): void {
    const times = this.at;
    const ids = this.ids;
    const fires = this.fires;
    const n = --this.size;
    const at = times[n]!;
    const id = ids[n]!;
    const fire = fires[n]!;
    fires[n] = NO_TIMER;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child =
        right < n && (times[right]! < times[left]! || (times[right] === times[left] && ids[right]! < ids[left]!)) ? right : left;
      times[i] = times[child]!;
      ids[i] = ids[child]!;
      fires[i] = fires[child]!;
      i = child;
    }
    this.#rise(i, at, id, fire);
  }

  /** Puts a timer in the empty slot `hole`, moving down each parent due after it. */
  #rise(hole: number, at: number, id: number, fire: () => void): void {
    const times = this.at;
    const ids = this.ids;
    const fires = this.fires;
    let i = hole;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentAt = times[parent]!;
      if (parentAt < at || (parentAt === at && ids[parent]! < id)) break;
      times[i] = parentAt;
      ids[i] = ids[parent]!;
      fires[i] = fires[parent]!;
      i = parent;
    }
    times[i] = at;
    ids[i] = id;
    fires[i] = fire;
  }

  #grow(): void {
    const at = new Float64Array(this.at.length * 2);
    at.set(this.at);
    this.at = at;
    const ids = new Float64Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
  }
}

/** Fills freed slots so the heap does not keep fired callbacks (and what they close over) alive. */
function NO_TIMER(): void {}
