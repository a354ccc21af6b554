/**
 * Sampling ops that draw as PyTorch 1.13's CPU kernels draw: torch.normal, torch.bernoulli,
 * torch.multinomial, and the in-place fills behind Tensor.uniform_/normal_/bernoulli_/random_/
 * exponential_. The draws themselves live in tensor/random.ts; here are the shapes, the dtypes and
 * the order.
 */
import { topkOrder } from "./cpu_order";
import { numelOf } from "./_core";
import { Tensor } from "../tensor/tensor";
import { Generator, default_generator } from "../tensor/random";
import { lookupDtype } from "../tensor/dtype";
import { from_typed } from "./creation";
import { RuntimeError, TypeError } from "../errors";
import { no_grad } from "../autograd/grad_mode";
import { parseArgs } from "../tensor/args";

type GenOpt = { generator?: Generator };

const gen = (o?: GenOpt): Generator => o?.generator ?? default_generator;

/** `torch.empty(shape).uniform_(from, to)`. */
export function uniform_values(shape: number[], from: number, to: number, o?: GenOpt, double = false): Tensor {
  return from_typed(uniform_buffer(shape, from, to, o, double), shape);
}

/**
 * The float32 values of `torch.empty(shape).uniform_(from, to)`, for fills that write a buffer
 * directly: drawn into `out` (numel(shape) long) when given.
 */
export function uniform_buffer(shape: number[], from: number, to: number, o?: GenOpt, double = false, out?: Float32Array): Float32Array {
  if (!(from <= to)) throw new RuntimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  return gen(o).fill_uniform(out ?? new Float32Array(numelOf(shape)), from, to, double);
}

/** `torch.empty(shape).normal_(mean, std)`. */
export function normal_values(shape: number[], mean: number, std: number, o?: GenOpt, double = false): Tensor {
  return from_typed(normal_buffer(shape, mean, std, o, double), shape);
}

/** The float32 values of `torch.empty(shape).normal_(mean, std)`, as uniform_buffer. */
export function normal_buffer(shape: number[], mean: number, std: number, o?: GenOpt, double = false, out?: Float32Array): Float32Array {
  if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${std}`);
  return gen(o).fill_normal(out ?? new Float32Array(numelOf(shape)), mean, std, double);
}

/** `torch.empty(shape, dtype).random_(from, to)`; `to` undefined is PyTorch's unbounded random_(). */
export function random_values(shape: number[], dtype: string, from: number, to: number | undefined, o?: GenOpt): Tensor {
  const g = gen(o);
  const n = numelOf(shape);
  const out = dtype === "float32" ? new Float32Array(n) : new Int32Array(n);
  if (to === undefined) {
    // uniform_int: a float32 tensor gets [0, 2^24], an int32 one [0, 2^31 - 1], a bool one the low bit.
    const mod = dtype === "float32" ? 16777217 : dtype === "bool" ? 2 : 2147483648;
    for (let i = 0; i < n; i++) out[i] = g.nextUint32() % mod;
  } else g.fill_randint(out, from, to);
  return from_typed(out, shape, { dtype: dtype as "float32" | "int32" | "bool" });
}

/** `torch.empty(shape).exponential_(lambd)`: exponential_distribution<double>, stored as float32. */
export function exponential_values(shape: number[], lambd: number, o?: GenOpt): Tensor {
  if (!(lambd > 0)) throw new RuntimeError(`exponential_ expects lambda > 0.0, but found lambda=${lambd}`);
  const g = gen(o);
  const out = new Float32Array(numelOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = g.exponential(lambd);
  return from_typed(out, shape);
}

/** geometric_(p): trials until the first success, drawn as PyTorch's geometric_distribution<double>. */
export function geometric_values(shape: number[], p: number, o?: GenOpt): Tensor {
  if (!(p > 0 && p < 1)) throw new RuntimeError(`geometric_ expects p to be in (0, 1), but got p=${p}`);
  const g = gen(o);
  const out = new Float32Array(numelOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = g.geometric(p);
  return from_typed(out, shape);
}

/** cauchy_(median, sigma): draws of PyTorch's cauchy_distribution<double>. */
export function cauchy_values(shape: number[], median: number, sigma: number, o?: GenOpt): Tensor {
  if (!(sigma > 0)) throw new RuntimeError(`cauchy_ expects sigma > 0.0, but found sigma=${sigma}`);
  const g = gen(o);
  const out = new Float32Array(numelOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = g.cauchy(median, sigma);
  return from_typed(out, shape);
}

/** log_normal_(mean, std): exp of PyTorch's normal_distribution<double>(mean, std) draws. */
export function log_normal_values(shape: number[], mean: number, std: number, o?: GenOpt): Tensor {
  if (!(std > 0)) throw new RuntimeError(`log_normal_ expects std > 0.0, but found std=${std}`);
  const g = gen(o);
  const out = new Float32Array(numelOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(mean + std * g.normal());
  return from_typed(out, shape);
}

/**
 * Bernoulli draws shaped like `shape`: a number p draws double uniforms (bernoulli_(p)); a float32
 * tensor of probabilities, broadcast to `shape`, draws float uniforms (PyTorch's
 * bernoulli_distribution<float> for a float p tensor).
 */
export function bernoulli_values(shape: number[], p: number | Tensor, o?: GenOpt): Float32Array {
  const g = gen(o);
  const out = new Float32Array(numelOf(shape));
  if (typeof p === "number") {
    if (!(p >= 0 && p <= 1)) throw new RuntimeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
    for (let i = 0; i < out.length; i++) out[i] = g.random_double() < p ? 1 : 0;
    return out;
  }
  const probs = p.expand(shape).contiguous().float().dataSync();
  for (let i = 0; i < out.length; i++) {
    const q = probs[i];
    if (!(q >= 0 && q <= 1)) throw new RuntimeError(`bernoulli_ expects all elements of p to be in [0, 1], but got ${q}`);
    out[i] = g.random() < q ? 1 : 0;
  }
  return out;
}

/**
 * `torch.normal(mean, std, size?)`: both numbers need `size`; a tensor mean or std gives the
 * broadcast shape. Draws standard normals first, then scales, as PyTorch does.
 * @example torch.normal(torch.zeros(3), torch.ones(3))
 * @example torch.normal(2, 3, [1, 4])
 */
type NormalOpts = { mean?: number | Tensor; std?: number | Tensor; size?: number[]; requires_grad?: boolean; dtype?: unknown; device?: unknown } & GenOpt;
export function normal(mean: number | Tensor | NormalOpts, std?: number | Tensor | NormalOpts, size?: number[] | NormalOpts, options?: NormalOpts): Tensor {
  const a = parseArgs("normal", [mean, std, size, options], ["mean", "std", "size", "generator", "requires_grad", "dtype", "device"]);
  const out = normalImpl(a.mean as number | Tensor, (a.std as number | Tensor | undefined) ?? 1, a.size as number[] | undefined, { generator: a.generator as Generator | undefined });
  // `torch.normal(0, 0.01, (n, 1), requires_grad=True)`, as Dive into Deep Learning makes its weights.
  if (a.dtype !== undefined && a.dtype !== null && lookupDtype(a.dtype) !== out.dtype) throw new RuntimeError(`normal(): dtype ${String(a.dtype)} is not a floating point dtype torchlab can sample`);
  if (a.requires_grad === true) out.requires_grad_(true);
  return out;
}

function normalImpl(mean: number | Tensor, std: number | Tensor, size: number[] | undefined, o: GenOpt): Tensor {
  if (mean === undefined) throw new TypeError("normal() missing 1 required positional argument: 'mean'");
  if (typeof mean === "number" && typeof std === "number") {
    if (size === undefined) throw new TypeError("normal() received an invalid combination of arguments: two numbers need a size, e.g. torch.normal(2, 3, [1, 4])");
    return normal_values(size, mean, std, o);
  }
  if (typeof std === "number") {
    // normal(Tensor mean, float std): normal_(0, std) then add mean.
    const m = mean as Tensor;
    return no_grad(() => normal_values(m.shape, 0, std, o).add(m));
  }
  if (std.min().item() < 0) throw new RuntimeError("normal expects all elements of std >= 0.0");
  const shape = typeof mean === "number" ? std.shape : broadcastOf("normal", mean.shape, std.shape);
  return no_grad(() => normal_values(shape, 0, 1, o).mul(std).add(mean));
}

function broadcastOf(op: string, a: number[], b: number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new RuntimeError(`${op}: the size of mean [${a.join(", ")}] and std [${b.join(", ")}] must broadcast`);
    out.push(x === 1 ? y : x);
  }
  return out;
}

/**
 * `torch.bernoulli(input)`: 1 with probability input[i] (a float tensor of probabilities);
 * `torch.bernoulli(input, p)` uses the number p for every element of input's shape.
 */
export function bernoulli(input: Tensor | ({ input?: Tensor; p?: number } & GenOpt), p?: number | ({ p?: number } & GenOpt), options?: GenOpt): Tensor {
  const a = parseArgs("bernoulli", [input, p, options], ["input", "p", "generator"]);
  return bernoulliImpl(a.input as Tensor, a.p as number | undefined, { generator: a.generator as Generator | undefined });
}

function bernoulliImpl(input: Tensor, p: number | undefined, o: GenOpt): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError("bernoulli(): argument 'input' must be Tensor");
  if (input.dtype._tf !== "float32") throw new RuntimeError(`"bernoulli_tensor_cpu_p_" not implemented for '${input.dtype._typeName}'`);
  return from_typed(bernoulli_values(input.shape, p ?? input, o), input.shape);
}

/**
 * Draws one row of multinomial indices the way PyTorch's CPU kernel does. Without replacement:
 * top-k of w / Exp(1) (exponential_ on a tensor like w); with replacement, one sample included
 * (`Categorical.sample()`): a binary search of double uniforms in the normalised cumulative sum. `f32` rounds as a float32 input does
 * (WeightedRandomSampler's weights are float64 in PyTorch).
 */
export function multinomial_row(w: ArrayLike<number>, n_sample: number, replacement: boolean, g: Generator, f32: boolean): number[] {
  const k = w.length;
  const r = f32 ? Math.fround : (x: number) => x;
  if (!replacement) {
    const q = new Float64Array(k);
    for (let j = 0; j < k; j++) q[j] = r(g.exponential(1));
    for (let j = 0; j < k; j++) q[j] = r(w[j] / q[j]);
    // PyTorch takes argmax for one sample (the first of equal values), else topk with its order among ties.
    if (n_sample === 1) {
      let best = 0;
      for (let j = 1; j < k; j++) if (q[j] > q[best]) best = j;
      return [best];
    }
    const idx = new Array<number>(n_sample);
    topkOrder(q, 0, k, n_sample, true, true, idx);
    return idx;
  }
  const cum = new Float64Array(k);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    sum = r(sum + w[j]);
    cum[j] = sum;
  }
  if (sum > 0) for (let j = 0; j < k; j++) cum[j] = r(cum[j] / sum);
  cum[k - 1] = 1;
  const out: number[] = [];
  for (let s = 0; s < n_sample; s++) {
    const u = g.random_double();
    let lo = 0;
    let hi = k;
    while (hi - lo > 0) {
      const mid = lo + ((hi - lo) >> 1);
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    out.push(lo);
  }
  return out;
}

/** Validates one row of multinomial weights as PyTorch does; returns the count of positive ones. */
export function check_multinomial_row(w: ArrayLike<number>): number {
  let positive = 0;
  let sum = 0;
  for (let j = 0; j < w.length; j++) {
    const v = w[j];
    if (!(v >= 0) || !Number.isFinite(v)) throw new RuntimeError("probability tensor contains either `inf`, `nan` or element < 0");
    if (v > 0) positive++;
    sum += v;
  }
  if (!(sum > 0)) throw new RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)");
  return positive;
}

/**
 * `torch.multinomial(input, num_samples, replacement=false)`: indices drawn from each row of
 * `input` (1-D or 2-D, non-negative weights) as PyTorch's CPU kernel draws them.
 * @example torch.multinomial(torch.tensor([0.1, 0.2, 0.7]), 2)
 */
type MultinomialOpts = { input?: Tensor; num_samples?: number; replacement?: boolean } & GenOpt;
export function multinomial(input: Tensor | MultinomialOpts, num_samples?: number | MultinomialOpts, replacement?: boolean | MultinomialOpts, options?: MultinomialOpts): Tensor {
  const a = parseArgs("multinomial", [input, num_samples, replacement, options], ["input", "num_samples", "replacement", "generator"]);
  return multinomialImpl(a.input as Tensor, a.num_samples as number, (a.replacement as boolean | undefined) ?? false, { generator: a.generator as Generator | undefined });
}

function multinomialImpl(input: Tensor, num_samples: number, rep: boolean, o: GenOpt): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError("multinomial(): argument 'input' must be Tensor");
  if (input.dtype._tf !== "float32") throw new RuntimeError(`multinomial only supports floating-point dtypes for input, got: ${input.dtype._typeName}`);
  if (input.dim() !== 1 && input.dim() !== 2) throw new RuntimeError(`prob_dist must be 1 or 2 dim, got shape [${input.shape.join(", ")}]`);
  if (!Number.isInteger(num_samples) || num_samples <= 0) throw new RuntimeError(`cannot sample n_sample <= 0 samples, got ${num_samples}`);
  const k = input.shape[input.dim() - 1];
  if (!rep && num_samples > k) throw new RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  if (k > 16777216) throw new RuntimeError("number of categories cannot exceed 2^24");
  const rows = input.dim() === 1 ? 1 : input.shape[0];
  const data = input.contiguous().dataSync();
  // Without replacement PyTorch 1.13 takes the top k of p / q whatever the count of positive weights:
  // once those are drawn, zero-weight categories follow (`multinomial([0., 1.], 2)` is [1, 0]).
  for (let i = 0; i < rows; i++) check_multinomial_row(data.subarray(i * k, (i + 1) * k));
  const g = gen(o);
  const out = new Int32Array(rows * num_samples);
  // PyTorch fills the exponential noise for all rows at once before any top-k; with replacement it
  // draws row by row, one sample included (PyTorch 1.13's CPU kernel: `torch.multinomial(p, 1, True)`
  // is not the exponential trick).
  if (!rep) {
    const q = new Float32Array(rows * k);
    for (let j = 0; j < q.length; j++) q[j] = g.exponential(1);
    for (let j = 0; j < q.length; j++) q[j] = data[j] / q[j];
    const row = new Array<number>(num_samples);
    for (let i = 0; i < rows; i++) {
      // One sample is argmax (the first of equal values); more are topk, with its order among ties.
      if (num_samples === 1) {
        let best = 0;
        for (let j = 1; j < k; j++) if (q[i * k + j] > q[i * k + best]) best = j;
        row[0] = best;
      } else topkOrder(q, i * k, k, num_samples, true, true, row);
      out.set(row, i * num_samples);
    }
  } else {
    for (let i = 0; i < rows; i++) out.set(multinomial_row(data.subarray(i * k, (i + 1) * k), num_samples, true, g, true), i * num_samples);
  }
  return from_typed(out, input.dim() === 1 ? [num_samples] : [rows, num_samples]);
}

