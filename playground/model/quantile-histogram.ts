/**
 * Streaming quantiles in constant memory, in the manner of HdrHistogram: a value, counted in units of `unit`,
 * goes into a bucket named by its highest set bit and the next 6 bits, so every bucket is at most 1/64 (1.6 %) of
 * its value wide whether the run has a thousand values or a billion. Integer bit tricks instead of a logarithm:
 * this runs once per simulated request.
 */
const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
/** Values below 2·SUB units are counted exactly, one bucket each. */
const EXACT = 2 * SUB;
const MAX_UNITS = 2 ** 31 - 1;
const BUCKETS = EXACT + (31 - (SUB_BITS + 1)) * SUB;

/**
 * Values wait in a small buffer and are bucketed a batch at a time: per value, add() is then a store, small enough
 * to be inlined where a model run counts each request, and the batch loop keeps the divisions of independent
 * values in flight together. The figures are the same as adding one by one.
 */
const BATCH = 256;

export class QuantileHistogram {
  readonly #unit: number;
  readonly #counts = new Float64Array(BUCKETS);
  readonly #waiting = new Float64Array(BATCH);
  #waitingCount = 0;
  #n = 0;
  #sum = 0;
  #max = 0;

  /** `unit` is the resolution; values up to 2^31 units are bucketed, larger ones share the last bucket. */
  constructor(unit: number) {
    this.#unit = unit;
  }

  add(value: number): void {
    this.#waiting[this.#waitingCount++] = value;
    if (this.#waitingCount === BATCH) this.#flush();
  }

  get count(): number {
    this.#flush();
    return this.#n;
  }

  get mean(): number {
    this.#flush();
    return this.#n === 0 ? NaN : this.#sum / this.#n;
  }

  get max(): number {
    this.#flush();
    return this.#n === 0 ? NaN : this.#max;
  }

  #flush(): void {
    const waiting = this.#waiting;
    const counts = this.#counts;
    const unit = this.#unit;
    let sum = this.#sum;
    let max = this.#max;
    for (let i = 0; i < this.#waitingCount; i++) {
      const value = waiting[i]!;
      const units = value / unit;
      counts[bucketOf(units < MAX_UNITS ? (units > 0 ? units | 0 : 0) : MAX_UNITS)]!++;
      sum += value;
      if (value > max) max = value;
    }
    this.#n += this.#waitingCount;
    this.#sum = sum;
    this.#max = max;
    this.#waitingCount = 0;
  }

  /** The value below which a fraction `q` of the values lie (upper edge of its bucket, capped at the maximum seen). */
  quantile(q: number): number {
    this.#flush();
    if (this.#n === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.#n));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(upperEdge(i) * this.#unit, this.#max);
    }
    return this.#max;
  }
}

function bucketOf(units: number): number {
  if (units < EXACT) return units;
  const msb = 31 - Math.clz32(units);
  const shift = msb - SUB_BITS;
  return EXACT + (shift - 1) * SUB + ((units >>> shift) & (SUB - 1));
}

/** The first value (in units) above bucket `i`. */
function upperEdge(i: number): number {
  if (i < EXACT) return i + 1;
  const shift = Math.floor((i - EXACT) / SUB) + 1;
  const sub = (i - EXACT) % SUB;
  return (SUB + sub + 1) * 2 ** shift;
}
