/** Seeded random inputs for tests, so that each failing case can be replayed from its seed. */

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi]. */
export const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** n values in [-2, 2] with four decimals, plus `offset` (a mean far from zero is part of what batch norm tests). */
export const values = (r: () => number, n: number, offset = 0): Float32Array => Float32Array.from({ length: n }, () => offset + Math.round((r() * 4 - 2) * 1e4) / 1e4);
