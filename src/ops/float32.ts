/**
 * Float32 arithmetic as PyTorch's CPU kernels do it, for the few places where one ulp changes a
 * result that matters (a sampling point on a pixel centre picks grid_sample's cell, and so its
 * gradient): a fused multiply-add rounded once to float32.
 */
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
/** The float32 next to float32 `x` in the direction of `dir` (x finite, non-zero). */
function nextFloat32(x: number, dir: number): number {
  f32[0] = x;
  i32[0] += (x > 0) === (dir > 0) ? 1 : -1;
  return f32[0];
}

/** a * b + c rounded once to float32, as a fused multiply-add does (a, b, c float32 values). */
export function fmaFloat32(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const sum = p + c;
  const bb = sum - p;
  const err = p - (sum - bb) + (c - bb); // sum + err is exactly p + c (TwoSum)
  const r = Math.fround(sum);
  if (err === 0 || r === sum || r === 0) return r;
  // Rounding twice goes wrong only when `sum` is a float32 tie; then err says which way it leans.
  const other = nextFloat32(r, sum - r);
  if ((r + other) / 2 !== sum) return r;
  return (err > 0) === (other > r) ? other : r;
}

/** Veltkamp's split of a double into two halves of at most 26 significant bits each. */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/**
 * a * b + c in double with one rounding, as a compiler-contracted fused multiply-add in PyTorch's
 * double-precision arithmetic (arange's `start + step * i`): the product's exact error (Dekker's
 * TwoProduct) and the sum's (TwoSum) are added back before the last rounding. Exact but for a tie at
 * that rounding, which is then at most one double ulp away (far below float32's).
 */
export function fmaFloat64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c;
  const bb = s - p;
  const t = p - (s - bb) + (c - bb);
  return s + (t + e);
}
