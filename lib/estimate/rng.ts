// Seeded pseudo-random numbers. No Math.random anywhere in the engine.
// Each random driver of the model (a workstream, a phase, a wave, a risk) gets its own stream,
// seeded from (seed, stable driver key). Adding an item or a risk therefore never shifts the numbers
// any other driver sees (common random numbers), which is what makes "adding work never lowers P50"
// hold iteration by iteration.

/** 32-bit string hash (FNV-1a followed by the murmur3 finaliser). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3 finaliser: spreads bits of a 32-bit integer. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seed of the stream for `key` under the run's `seed`. */
export function streamSeed(seed: number, key: string): number {
  return fmix32((hashString(key) ^ Math.imul((seed >>> 0) + 0x9e3779b9, 0x85ebca6b)) >>> 0);
}

/** mulberry32 (Tommy Ettinger): a fast 32-bit generator, period 2^32; plenty for 100k iterations per stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Many mulberry32 streams held in one typed array, for the hot loop (no closures, no allocation).
 * `next(i)` returns a uniform in [0, 1) from stream i.
 */
export class StreamBank {
  private readonly state: Int32Array;
  constructor(seeds: ArrayLike<number>) {
    this.state = new Int32Array(seeds.length);
    for (let i = 0; i < seeds.length; i++) this.state[i] = seeds[i] as number;
  }
  next(i: number): number {
    const a = (this.state[i] = ((this.state[i] as number) + 0x6d2b79f5) | 0);
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
