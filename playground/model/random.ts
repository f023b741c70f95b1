/**
 * A seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) so a model run is reproducible from
 * its seed, in Node and in the browser alike; Math.random cannot be seeded. 32 bits of state mixing per draw is
 * plenty for sampling service times, and it is fast in JavaScript because it stays in 32-bit integers.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    // The all-zero state would stay zero forever.
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** 32 uniformly random bits as an unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5), 7), 9) >>> 0;
    const t = this.#b << 9;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return result;
  }

  /**
   * An exponentially distributed number with the given mean, by Marsaglia and Tsang's ziggurat ("The Ziggurat
   * Method for Generating Random Variables", J. Stat. Software 5(8), 2000): 99 % of draws are one random integer,
   * a comparison and a multiplication, where inverting the distribution costs a logarithm every time. The model
   * draws two per request. The low 8 bits pick the layer and the other 24 place the point, so they are independent.
   */
  exponential(mean: number): number {
    const bits = this.uint32();
    const layer = bits & 255;
    const u = bits >>> 8;
    if (u < ZIGGURAT.k[layer]!) return u * ZIGGURAT.w[layer]! * mean;
    return this.#exponentialEdge(layer, u) * mean;
  }

  /**
   * The rare draws outside the ziggurat's rectangles, apart from the common case so that stays small enough for
   * the compiler to inline at every call site (a call boxes the number it returns).
   */
  #exponentialEdge(firstLayer: number, firstU: number): number {
    let layer = firstLayer;
    let u = firstU;
    for (;;) {
      if (layer === 0) return ZIGGURAT_R - Math.log(1 - this.next());
      const x = u * ZIGGURAT.w[layer]!;
      if (ZIGGURAT.f[layer]! + this.next() * (ZIGGURAT.f[layer - 1]! - ZIGGURAT.f[layer]!) < Math.exp(-x)) return x;
      const bits = this.uint32();
      layer = bits & 255;
      u = bits >>> 8;
      if (u < ZIGGURAT.k[layer]!) return u * ZIGGURAT.w[layer]!;
    }
  }
}

/** Where the ziggurat's tail starts, and the area of each of its 256 layers, for the unit exponential. */
const ZIGGURAT_R = 7.69711747013104972;
const ZIGGURAT_AREA = 3.949659822581572e-3;
const ZIGGURAT = ((): { k: Float64Array; w: Float64Array; f: Float64Array } => {
  const scale = 2 ** 24;
  const k = new Float64Array(256);
  const w = new Float64Array(256);
  const f = new Float64Array(256);
  let d = ZIGGURAT_R;
  let t = d;
  const q = ZIGGURAT_AREA / Math.exp(-d);
  k[0] = Math.floor((d / q) * scale);
  k[1] = 0;
  w[0] = q / scale;
  w[255] = d / scale;
  f[0] = 1;
  f[255] = Math.exp(-d);
  for (let i = 254; i >= 1; i--) {
    d = -Math.log(ZIGGURAT_AREA / d + Math.exp(-d));
    k[i + 1] = Math.floor((d / t) * scale);
    t = d;
    f[i] = Math.exp(-d);
    w[i] = d / scale;
  }
  return { k, w, f };
})();

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
