/**
 * VirtualClock's min-heap of timers ordered by (time, id), as three parallel arrays rather than an array of
 * objects: nothing is allocated per timer beyond the callback the caller already has. The clock reads the top
 * (index 0) in place; only push and pop change the heap. Each node has four children (node i's are 4i+1 to 4i+4):
 * half the levels of a binary heap, so a pop moves a timer half as often for a few more comparisons, the cheaper
 * part (2-4 % faster model runs).
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
   * Removes the top timer, bottom-up (Floyd): the hole at the root sinks to a leaf along the earliest child, and
   * the last timer rises into it from there. It usually belongs near the bottom, so this costs about half the
   * comparisons of sifting it down from the root.
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
      const first = 4 * i + 1;
      if (first >= n) break;
      const last = Math.min(first + 3, n - 1);
      let child = first;
      let childAt = times[first]!;
      for (let c = first + 1; c <= last; c++) {
        const cAt = times[c]!;
        if (cAt < childAt || (cAt === childAt && ids[c]! < ids[child]!)) {
          child = c;
          childAt = cAt;
        }
      }
      times[i] = childAt;
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
      const parent = (i - 1) >> 2;
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
