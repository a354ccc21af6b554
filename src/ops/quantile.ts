/**
 * torch.quantile / torch.nanquantile and torch.nanmedian. Quantiles follow PyTorch 1.13's
 * quantile_impl: sort along the dim (NaN last), take rank q * (n - 1) among the n values that count
 * (all of them for quantile, which gives NaN for a slice holding one; the non-NaN ones for nanquantile,
 * NaN for an all-NaN slice), then interpolate between the neighbours below and above the rank. The
 * picks are a gather from the sorted values and a lerp, so gradients flow as PyTorch's do.
 */
import { tf, compute, constant, normDim } from "./_core";
import { Tensor } from "../tensor/tensor";
import { RuntimeError } from "../errors";
import { lerp } from "./math_extra";

export type Interpolation = "linear" | "lower" | "higher" | "midpoint" | "nearest";
const MODES: readonly Interpolation[] = ["linear", "lower", "higher", "midpoint", "nearest"];

/** Round half to even, as the `round` PyTorch applies to the ranks of "nearest". */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function quantile(op: "quantile" | "nanquantile", t: Tensor, q: number | Tensor, dim: number | null, keepdim: boolean, interpolation: Interpolation): Tensor {
  if (t.dtype._tf !== "float32") throw new RuntimeError(`${op}() input tensor must be either float or double dtype`);
  if (t.numel() === 0) throw new RuntimeError(`${op}() input tensor must be non-empty`);
  if (!MODES.includes(interpolation)) {
    throw new RuntimeError(`${op}() interpolation must be one of linear, lower, higher, midpoint or nearest, but got ${interpolation}`);
  }
  let qs: number[];
  const qIsVector = q instanceof Tensor && q.dim() === 1;
  if (q instanceof Tensor) {
    if (q.dim() > 1) throw new RuntimeError(`${op}() q must be a scalar or 1D tensor`);
    if (q.dtype !== t.dtype) throw new RuntimeError(`${op}() q tensor must be same dtype as the input tensor`);
    qs = Array.from(q._t.dataSync() as ArrayLike<number>);
    if (qs.some((v) => !(v >= 0 && v <= 1))) throw new RuntimeError(`${op}() q values must be in the range [0, 1]`);
  } else {
    if (!(q >= 0 && q <= 1)) throw new RuntimeError(`${op}() q must be in the range [0, 1] but got ${q}`);
    qs = [q];
  }
  const x = dim === null ? t.reshape([-1]) : t.dim() === 0 ? t.reshape([1]) : t;
  const d = dim === null ? 0 : normDim(dim, Math.max(t.dim(), 1), op);
  const sorted = x.movedim(d, -1).sort(-1).values;
  const n = sorted.shape[sorted.dim() - 1];
  const rows = sorted.numel() / n;
  const data = sorted._t.dataSync() as ArrayLike<number>;
  const below = new Int32Array(rows * qs.length);
  const above = new Int32Array(rows * qs.length);
  const weight = new Float32Array(rows * qs.length);
  for (let r = 0; r < rows; r++) {
    let valid = n;
    while (valid > 0 && Number.isNaN(data[r * n + valid - 1])) valid--;
    qs.forEach((qv, j) => {
      const k = r * qs.length + j;
      // A NaN answer: both neighbours are the last sorted value, a NaN.
      if ((op === "quantile" && valid < n) || valid === 0) {
        below[k] = above[k] = n - 1;
        return;
      }
      let rank = qv * (valid - 1);
      if (interpolation === "lower") rank = Math.floor(rank);
      else if (interpolation === "higher") rank = Math.ceil(rank);
      else if (interpolation === "nearest") rank = roundHalfEven(rank);
      below[k] = Math.floor(rank);
      above[k] = Math.ceil(rank);
      weight[k] = interpolation === "midpoint" ? 0.5 : rank - below[k];
    });
  }
  const shape = [...sorted.shape.slice(0, -1), qs.length];
  const pick = (ix: Int32Array) => sorted.gather(-1, constant(compute(() => tf.tensor(ix, shape, "int32"))));
  let out = lerp(pick(below), pick(above), constant(compute(() => tf.tensor(weight, shape, "float32"))));
  // [..., Q] -> [Q, ...] for a vector q, [...] for a scalar one; keepdim puts back the reduced dim.
  out = qIsVector ? out.movedim(-1, 0) : out.squeeze(-1);
  if (!keepdim) return out;
  const lead = qIsVector ? [qs.length] : [];
  const kept = dim === null ? t.shape.map(() => 1) : t.shape.map((s, i) => (i === d ? 1 : s));
  return out.reshape([...lead, ...kept]);
}
