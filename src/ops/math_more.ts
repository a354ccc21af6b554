/**
 * More of PyTorch's float functions: torch.frexp, torch.nextafter, torch.renorm, torch.histogram.
 * The bit-level ones (frexp, nextafter) and the histogram run on the host over float32 values;
 * renorm is built from differentiable ops, so its gradient is PyTorch's renorm_backward.
 */
import { tf, compute, record, constant, constantOf, withDtype, describe, normDim, fmtShape, broadcastMismatch } from "./_core";
import * as D from "../tensor/dtype";
import { asReturnType } from "../pyrepr";
import { Tensor } from "../tensor/tensor";
import * as E from "./elementwise";
import { vector_norm } from "./linalg_extra";
import { NotImplementedError, RuntimeError, ShapeError, TypeError } from "../errors";

function need(op: string, a: unknown, name = "input"): Tensor {
  if (a instanceof Tensor) return a;
  throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describe(a)}`);
}

const host = (t: Tensor): Float32Array => Float32Array.from(t.contiguous()._t.dataSync() as ArrayLike<number>);

/** The (mantissa, exponent) pair torch.frexp returns. */
export interface MantissaExponent extends Array<Tensor> {
  0: Tensor;
  1: Tensor;
  mantissa: Tensor;
  exponent: Tensor;
}

/**
 * Splits `input` into a mantissa in (-1, -0.5] or [0.5, 1) and an int32 exponent, with
 * `input = mantissa * 2 ** exponent` (0, inf and nan keep their value with exponent 0). The
 * mantissa's gradient is `grad / 2 ** exponent`, as in PyTorch.
 * @example const [m, e] = torch.frexp(torch.tensor([8.0]))  // m = [0.5], e = [4]
 */
export function frexp(input: Tensor): MantissaExponent {
  need("frexp", input);
  if (input.dtype._tf !== "float32") throw new RuntimeError("torch.frexp() only supports floating-point dtypes");
  const v = host(input);
  const m = new Float32Array(v.length);
  const e = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x === 0 || !Number.isFinite(x)) {
      m[i] = x;
      continue;
    }
    // Exact in float64: every float32 and its power-of-two scalings are representable.
    let k = Math.floor(Math.log2(Math.abs(x))) + 1;
    let f = x / 2 ** k;
    if (Math.abs(f) >= 1) {
      f /= 2;
      k++;
    } else if (Math.abs(f) < 0.5) {
      f *= 2;
      k--;
    }
    m[i] = f;
    e[i] = k;
  }
  const exponent = withDtype(constant(compute(() => tf.tensor(e, input.shape, "int32"))), D.int32);
  const scale = compute(() => tf.tensor(Float32Array.from(e, (k) => 2 ** -k), input.shape, "float32"));
  const mantissa = record("FrexpBackward0", [input], compute(() => tf.tensor(m, input.shape, "float32")), (g) => [tf.mul(g, scale)]);
  return asReturnType("frexp", ["mantissa", "exponent"], [mantissa, exponent]) as MantissaExponent;
}

/** The next float32 after `x` towards `y` (C's nextafterf). */
function nextafterf(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  const f = new Float32Array(1);
  const bits = new Int32Array(f.buffer);
  if (x === 0) {
    bits[0] = 1;
    return y > 0 ? f[0] : -f[0];
  }
  f[0] = x;
  bits[0] += (y > x) === (x > 0) ? 1 : -1;
  return f[0];
}

/**
 * The next representable float32 after each element of `input` towards `other` (broadcast). Not
 * differentiable (PyTorch 1.13 has no derivative for it either).
 */
export function nextafter(input: Tensor, other: Tensor): Tensor {
  need("nextafter", input);
  need("nextafter", other, "other");
  for (const t of [input, other]) if (t.dtype._tf !== "float32") throw new RuntimeError(`"nextafter_cpu" not implemented for '${t.dtype._typeName}'`);
  const msg = broadcastMismatch(input.shape, other.shape);
  if (msg !== null) throw new ShapeError(`nextafter(): ${msg} (shapes ${fmtShape(input.shape)} and ${fmtShape(other.shape)})`, input.shape, other.shape);
  const shape = E.add(input.detach(), other.detach()).shape;
  const xs = host(input.detach().expand(shape));
  const ys = host(other.detach().expand(shape));
  const y = compute(() => tf.tensor(xs.map((x, i) => nextafterf(x, ys[i])), shape, "float32"));
  if (!input.requires_grad && !other.requires_grad) return constantOf([input, other], y);
  return record("NextafterBackward0", [input, other], y, () => {
    throw new NotImplementedError("the derivative for 'nextafter' is not implemented.");
  });
}

/**
 * Each slice of `input` along `dim` whose p-norm exceeds `maxnorm` is scaled down to norm
 * `maxnorm` (by `maxnorm / (norm + 1e-7)`); the others are kept. Differentiable.
 * @example torch.renorm(torch.ones(3, 3), 2, 0, 1)  // rows of norm 1
 */
export function renorm(input: Tensor, p: number, dim: number, maxnorm: number): Tensor {
  need("renorm", input);
  if (!(maxnorm >= 0)) throw new RuntimeError(`renorm: expected maxnorm to be >= 0 but got ${maxnorm}`);
  if (!(p > 0)) throw new RuntimeError("renorm: non-positive-norm not supported");
  if (input.dim() <= 1) throw new RuntimeError(`renorm: input needs at least 2 dimensions, got ${input.dim()} dimensions`);
  if (input.dtype._tf !== "float32") throw new RuntimeError(`"renorm_cpu" not implemented for '${input.dtype._typeName}'`);
  const d = normDim(dim, input.dim(), "renorm");
  const dims = input.shape.map((_, i) => i).filter((i) => i !== d);
  const norm = vector_norm(input, p, dims, true);
  const factor = E.where(E.gt(norm.detach(), maxnorm), E.mul(E.reciprocal(E.add(norm, 1e-7)), maxnorm), 1);
  return E.mul(input, factor);
}

/** The (hist, bin_edges) pair torch.histogram returns. */
export interface HistogramResult extends Array<Tensor> {
  0: Tensor;
  1: Tensor;
  hist: Tensor;
  bin_edges: Tensor;
}

/** torch.linspace's float32 values (the second half counted back from `end`, as ATen does). */
function linspaceF32(start: number, end: number, steps: number): Float32Array {
  const out = new Float32Array(steps);
  const step = Math.fround((end - start) / (steps - 1));
  const half = Math.floor(steps / 2);
  for (let i = 0; i < steps; i++) out[i] = i < half ? Math.fround(start + step * i) : Math.fround(end - step * (steps - i - 1));
  return out;
}

/**
 * A histogram of `input`'s values: `bins` equal-width bins over `range` (the data's min and max by
 * default, widened by 0.5 each way when they are equal), or the bins between the increasing edges
 * of a 1-D tensor `bins`. The last bin includes its right edge; values outside are not counted.
 * `weight` (input's shape) counts each value with its weight; `density` divides by the total and
 * the bin width. Float inputs only; not differentiable.
 */
export function histogram(input: Tensor, bins: number | Tensor = 100, range: [number, number] | null = null, weight: Tensor | null = null, density = false): HistogramResult {
  need("histogram", input);
  if (input.dtype._tf !== "float32") throw new RuntimeError(`"histogramdd" not implemented for '${input.dtype._typeName}'`);
  if (weight !== null) {
    need("histogram", weight, "weight");
    if (weight.shape.length !== input.shape.length || weight.shape.some((s, i) => s !== input.shape[i])) {
      throw new RuntimeError(`torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape ${fmtShape([input.numel(), 1])} and weight with shape ${fmtShape([weight.numel()])}`);
    }
  }
  const v = host(input);
  let edges: Float32Array;
  if (bins instanceof Tensor) {
    if (bins.dim() !== 1) throw new RuntimeError(`torch.histogramdd: bins tensor should have one dimension, but got ${bins.dim()} dimensions in the bins tensor for dimension 0`);
    if (bins.numel() === 0) throw new RuntimeError("torch.histogramdd: bins tensor should have at least 1 element, but got 0 elements in the bins tensor for dimension 0");
    edges = host(bins);
  } else {
    if (!Number.isInteger(bins) || bins <= 0) throw new RuntimeError(`torch.histogram(): bins must be > 0, but got ${bins} for dimension 0`);
    let lo = Infinity;
    let hi = -Infinity;
    if (range !== null) [lo, hi] = range;
    else if (v.length === 0) [lo, hi] = [0, 0];
    else {
      for (const x of v) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (lo > hi) throw new RuntimeError(`torch.histogramdd: min should not exceed max, but got min ${lo} max ${hi} for dimension 0`);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RuntimeError(`torch.histogramdd: dimension 0's range [${lo}, ${hi}] is not finite`);
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    edges = linspaceF32(lo, hi, bins + 1);
  }
  const nb = edges.length - 1;
  const hist = new Float32Array(Math.max(nb, 0));
  const w = weight === null ? null : host(weight);
  const left = edges[0];
  const right = edges[edges.length - 1];
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (!(x >= left && x <= right) || nb <= 0) continue;
    // The last edge not above x (binary search), the right edge itself counted in the last bin.
    let a = 0;
    let b = edges.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (edges[mid] <= x) a = mid + 1;
      else b = mid;
    }
    hist[Math.min(Math.max(a - 1, 0), nb - 1)] += w === null ? 1 : w[i];
  }
  if (density) {
    let total = 0;
    for (const h of hist) total += h;
    for (let i = 0; i < nb; i++) hist[i] = hist[i] / (total * (edges[i + 1] - edges[i]));
  }
  const h = constant(compute(() => tf.tensor1d(hist, "float32")));
  const e = constant(compute(() => tf.tensor1d(edges, "float32")));
  return asReturnType("histogram", ["hist", "bin_edges"], [h, e]) as HistogramResult;
}
