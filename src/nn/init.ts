/**
 * nn.init: in-place weight initialisations with PyTorch's fan and gain rules. Every function draws
 * from a Generator (the default one unless `generator` is given), so `torch.manual_seed` makes
 * initial weights reproducible, and draws as PyTorch's does: after the same manual_seed the weights are
 * PyTorch's (uniform_ and normal_ are Tensor.uniform_/normal_, trunc_normal_ the inverse-CDF method).
 */
import { Tensor } from "../tensor/tensor";
import { Generator, default_generator } from "../tensor/random";
import { parseArgs } from "../tensor/args";
import { no_grad } from "../autograd/grad_mode";
import { eye, from_typed, randperm } from "../ops/creation";
import { erf64, erfinvf } from "../ops/math_extra";
import { qr } from "../ops/linalg_decomp";
import { RuntimeError, ValueError, TypeError } from "../errors";
import { float64 } from "../tensor/dtype";

export type Nonlinearity =
  | "linear" | "conv1d" | "conv2d" | "conv3d" | "conv_transpose1d" | "conv_transpose2d" | "conv_transpose3d"
  | "sigmoid" | "tanh" | "relu" | "leaky_relu" | "selu";
export type FanMode = "fan_in" | "fan_out";

interface GenOpt {
  generator?: Generator;
}

function checkTensor(op: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument 'tensor' must be a Tensor, not ${t === null ? "null" : typeof t}`);
}

/** Splits `(tensor, ...positional, {options})` into named values. */
function args(op: string, tensor: unknown, rest: unknown[], names: string[]): Record<string, unknown> {
  checkTensor(op, tensor);
  return parseArgs(op, rest, [...names, "generator"]);
}

/**
 * The recommended gain for a nonlinearity: 1 for linear/conv/sigmoid, 5/3 for tanh, sqrt(2) for
 * relu, sqrt(2 / (1 + negative_slope^2)) for leaky_relu (slope `param`, default 0.01), 3/4 for selu.
 */
export function calculate_gain(nonlinearity: Nonlinearity | string, param?: number | null): number {
  const linear = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"];
  if (linear.includes(nonlinearity) || nonlinearity === "sigmoid") return 1;
  if (nonlinearity === "tanh") return 5.0 / 3;
  if (nonlinearity === "relu") return Math.sqrt(2.0);
  if (nonlinearity === "leaky_relu") {
    let slope: number;
    if (param === undefined || param === null) slope = 0.01;
    else if (typeof param === "number") slope = param;
    else throw new ValueError(`negative_slope ${String(param)} not a valid number`);
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === "selu") return 3.0 / 4;
  throw new ValueError(`Unsupported nonlinearity ${nonlinearity}`);
}

/**
 * PyTorch's fans: fan_in = size(1) * receptive field, fan_out = size(0) * receptive field, where
 * the receptive field is the product of the dims after the first two (kernel height * width).
 */
export function _calculate_fan_in_and_fan_out(tensor: Tensor): [number, number] {
  checkTensor("_calculate_fan_in_and_fan_out", tensor);
  if (tensor.dim() < 2) throw new ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  const s = tensor.shape;
  const rf = s.slice(2).reduce((a, b) => a * b, 1);
  return [s[1] * rf, s[0] * rf];
}

function correctFan(tensor: Tensor, mode: string): number {
  const m = String(mode).toLowerCase();
  if (m !== "fan_in" && m !== "fan_out") throw new ValueError(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return m === "fan_in" ? fanIn : fanOut;
}

// Drawn straight into one float32 buffer by the generator's bulk fills (the values rand/randn and
// tfjs's float32 mul/add give, element for element). A plain float32 tensor gets a new backend buffer
// the draws are written into (backend/fill_buffer.ts), where `.data =` would copy them twice; a view
// writes through to its base (`.data =`), and other dtypes take the values by copy_.
function fillWith(t: Tensor, draw: (out: Float32Array) => void): Tensor {
  if (t.dtype._tf === "float32" && t._view === null) {
    return t._writeDrawn(draw);
  }
  const values = new Float32Array(t.numel());
  draw(values);
  const src = from_typed(values, t.shape, t.dtype === float64 ? { dtype: float64 } : {});
  if (t.dtype._tf === "float32") {
    t.data = src;
    t._bumpVersion();
  } else no_grad(() => t.copy_(src));
  return t;
}

// Tensor.uniform_'s and normal_'s checks, which PyTorch's init functions reach.
function fillUniform(t: Tensor, a: number, b: number, g?: Generator): Tensor {
  if (!(a <= b)) throw new RuntimeError(`uniform_ expects to return a [from, to) range, but found from=${a} > to=${b}`);
  return fillWith(t, (out) => (g ?? default_generator).fill_uniform(out, a, b, t.dtype === float64));
}

function fillNormal(t: Tensor, mean: number, std: number, g?: Generator): Tensor {
  if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${std}`);
  return fillWith(t, (out) => (g ?? default_generator).fill_normal(out, mean, std, t.dtype === float64));
}

/**
 * Fills `tensor` from U(a, b).
 * @example nn.init.uniform_(w, -0.1, 0.1)
 */
export function uniform_(tensor: Tensor, a?: number | ({ a?: number; b?: number } & GenOpt), b?: number | ({ b?: number } & GenOpt), options?: GenOpt): Tensor {
  const o = args("uniform_", tensor, [a, b, options], ["a", "b"]);
  return fillUniform(tensor, (o.a as number) ?? 0, (o.b as number) ?? 1, o.generator as Generator | undefined);
}

/** Fills `tensor` from N(mean, std^2). */
export function normal_(tensor: Tensor, mean?: number | ({ mean?: number; std?: number } & GenOpt), std?: number | ({ std?: number } & GenOpt), options?: GenOpt): Tensor {
  const o = args("normal_", tensor, [mean, std, options], ["mean", "std"]);
  return fillNormal(tensor, (o.mean as number) ?? 0, (o.std as number) ?? 1, o.generator as Generator | undefined);
}

/** Fills `tensor` with `val`: `constant_(w, 0.5)` or, as PyTorch's keyword, `constant_(w, {val: 0.5})`. */
export function constant_(tensor: Tensor, val: number | { val: number }): Tensor {
  checkTensor("constant_", tensor);
  const v = parseArgs("constant_", [val], ["val"]).val;
  if (v === undefined) throw new TypeError("constant_() missing 1 required positional argument: 'val'");
  if (typeof v !== "number") throw new TypeError(`constant_(): argument 'val' must be a number, not ${typeof v}`);
  return no_grad(() => tensor.fill_(v));
}

export function zeros_(tensor: Tensor): Tensor {
  return constant_(tensor, 0);
}

export function ones_(tensor: Tensor): Tensor {
  return constant_(tensor, 1);
}

export { dirac_ } from "./init_dirac";

/**
 * Fills a 2-D tensor from N(0, std^2), then zeroes `ceil(sparsity * rows)` random rows in each column
 * (a torch.randperm per column, after the normal draw, as PyTorch's: same stream, same zeros).
 * @example nn.init.sparse_(w, 0.1)
 */
export function sparse_(tensor: Tensor, sparsity: number | ({ sparsity: number; std?: number } & GenOpt), std?: number | ({ std?: number } & GenOpt), options?: GenOpt): Tensor {
  checkTensor("sparse_", tensor);
  const o = parseArgs("sparse_", [sparsity, std, options], ["sparsity", "std", "generator"]);
  if (typeof o.sparsity !== "number") throw new TypeError("sparse_() missing 1 required positional argument: 'sparsity'");
  if (tensor.dim() !== 2) throw new ValueError("Only tensors with 2 dimensions are supported");
  const [rows, cols] = tensor.shape;
  const numZeros = Math.ceil(o.sparsity * rows);
  const gen = o.generator as Generator | undefined;
  fillNormal(tensor, 0, (o.std as number | undefined) ?? 0.01, gen);
  const zero = new Uint8Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const perm = randperm(rows, gen === undefined ? {} : { generator: gen }).dataSync();
    for (let i = 0; i < Math.min(numZeros, rows); i++) zero[perm[i] * cols + c] = 1;
  }
  return no_grad(() => tensor.masked_fill_(from_typed(zero, [rows, cols]).bool(), 0));
}

/** Fills a 2-D tensor with the identity matrix. */
export function eye_(tensor: Tensor): Tensor {
  checkTensor("eye_", tensor);
  if (tensor.dim() !== 2) throw new ValueError("Only tensors with 2 dimensions are supported");
  const [n, m] = tensor.shape;
  return no_grad(() => tensor.copy_(eye(n, m)));
}

/**
 * Fills `tensor` with a (semi-)orthogonal matrix times `gain` (Saxe et al. 2013), drawn as PyTorch
 * draws it: a [rows, numel / rows] standard normal matrix (transposed when wider than tall), its QR
 * factorisation, Q's columns multiplied by the signs of R's diagonal (so Q is uniformly distributed), and
 * Q reshaped into `tensor`. After the same manual_seed the weights are PyTorch's.
 *
 * Args:
 *   tensor: at least 2-D; dimensions past the first are flattened.
 *   gain: scaling factor. Default: 1.
 * @example nn.init.orthogonal_(conv.weight, nn.init.calculate_gain("relu"))
 */
export function orthogonal_(tensor: Tensor, gain?: number | ({ gain?: number } & GenOpt), options?: GenOpt): Tensor {
  const o = args("orthogonal_", tensor, [gain, options], ["gain"]);
  if (tensor.dim() < 2) throw new ValueError("Only tensors with 2 or more dimensions are supported");
  if (tensor.numel() === 0) return tensor;
  const rows = tensor.shape[0];
  const cols = tensor.numel() / rows;
  const g = (o.generator as Generator | undefined) ?? default_generator;
  return no_grad(() => {
    let flattened = from_typed(g.fill_normal(new Float32Array(rows * cols), 0, 1, tensor.dtype === float64), [rows, cols]);
    if (rows < cols) flattened = flattened.t();
    const { Q, R } = qr(flattened);
    let q = Q.mul(R.diagonal().sign());
    if (rows < cols) q = q.t();
    return tensor.copy_(q.reshape(tensor.shape)).mul_((o.gain as number | undefined) ?? 1);
  });
}

/**
 * Xavier/Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).
 * @example nn.init.xavier_uniform_(layer.weight, nn.init.calculate_gain("relu"))
 */
export function xavier_uniform_(tensor: Tensor, gain?: number | ({ gain?: number } & GenOpt), options?: GenOpt): Tensor {
  const o = args("xavier_uniform_", tensor, [gain, options], ["gain"]);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = ((o.gain as number) ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return fillUniform(tensor, -a, a, o.generator as Generator | undefined);
}

/** Xavier/Glorot normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)). */
export function xavier_normal_(tensor: Tensor, gain?: number | ({ gain?: number } & GenOpt), options?: GenOpt): Tensor {
  const o = args("xavier_normal_", tensor, [gain, options], ["gain"]);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = ((o.gain as number) ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
  return fillNormal(tensor, 0, std, o.generator as Generator | undefined);
}

// A name held in a string variable (`nonlinearity=self.hparams.act_fn_name`, as PyTorch code passes a
// str) type-checks too; kaimingArgs rejects an unknown one with PyTorch's ValueError.
type KaimingOpts = { a?: number; mode?: FanMode | (string & {}); nonlinearity?: Nonlinearity | (string & {}) } & GenOpt;

function kaimingArgs(op: string, tensor: Tensor, rest: unknown[]): { gain: number; fan: number; g?: Generator } | null {
  const o = args(op, tensor, rest, ["a", "mode", "nonlinearity"]);
  if (tensor.numel() === 0) return null; // PyTorch warns "Initializing zero-element tensors is a no-op".
  const fan = correctFan(tensor, (o.mode as string) ?? "fan_in");
  const gain = calculate_gain((o.nonlinearity as string) ?? "leaky_relu", (o.a as number) ?? 0);
  return { gain, fan, g: o.generator as Generator | undefined };
}

/**
 * He/Kaiming uniform: U(-bound, bound) with bound = gain * sqrt(3 / fan), fan chosen by `mode`,
 * gain by `nonlinearity` and `a` (the leaky_relu slope). PyTorch's default init of Conv and Linear
 * weights is `kaiming_uniform_(w, {a: Math.sqrt(5)})`.
 */
export function kaiming_uniform_(tensor: Tensor, a?: number | KaimingOpts, mode?: FanMode | (string & {}) | KaimingOpts, nonlinearity?: Nonlinearity | (string & {}) | KaimingOpts, options?: GenOpt): Tensor {
  const k = kaimingArgs("kaiming_uniform_", tensor, [a, mode, nonlinearity, options]);
  if (k === null) return tensor;
  const bound = Math.sqrt(3.0) * (k.gain / Math.sqrt(k.fan));
  return fillUniform(tensor, -bound, bound, k.g);
}

/** He/Kaiming normal: N(0, std^2) with std = gain / sqrt(fan). */
export function kaiming_normal_(tensor: Tensor, a?: number | KaimingOpts, mode?: FanMode | (string & {}) | KaimingOpts, nonlinearity?: Nonlinearity | (string & {}) | KaimingOpts, options?: GenOpt): Tensor {
  const k = kaimingArgs("kaiming_normal_", tensor, [a, mode, nonlinearity, options]);
  if (k === null) return tensor;
  return fillNormal(tensor, 0, k.gain / Math.sqrt(k.fan), k.g);
}

/**
 * Normal N(mean, std^2) truncated to [a, b], drawn as PyTorch draws it: uniform_ between the
 * bounds' CDF values (mapped to [-1, 1]), then erfinv, scale, shift and clamp in float32.
 */
export function trunc_normal_(tensor: Tensor, mean?: number | ({ mean?: number; std?: number; a?: number; b?: number } & GenOpt), std?: number, a?: number, b?: number): Tensor {
  const o = args("trunc_normal_", tensor, [mean, std, a, b], ["mean", "std", "a", "b"]);
  const mu = (o.mean as number) ?? 0;
  const sd = (o.std as number) ?? 1;
  const lo = (o.a as number) ?? -2;
  const hi = (o.b as number) ?? 2;
  if (!(lo < hi)) throw new ValueError(`trunc_normal_(): expected a < b, got a=${lo}, b=${hi}`);
  const cdf = (x: number): number => (1 + erf64(x / Math.sqrt(2))) / 2;
  const l = cdf((lo - mu) / sd);
  const u = cdf((hi - mu) / sd);
  const g = (o.generator as Generator | undefined) ?? default_generator;
  const scale = Math.fround(sd * Math.sqrt(2));
  const [flo, fhi] = [Math.fround(lo), Math.fround(hi)];
  return fillWith(tensor, (values) => {
    g.fill_uniform(values, 2 * l - 1, 2 * u - 1);
    for (let i = 0; i < values.length; i++) {
      const v = Math.fround(Math.fround(erfinvf(values[i]) * scale) + Math.fround(mu));
      values[i] = v < flo ? flo : v > fhi ? fhi : v;
    }
  });
}

const deprecationWarned = new Set<string>();

/** PyTorch's deprecated spelling without the underscore (`init.normal(w, 0, 0.1)`): the same fill, with its warning. */
function deprecated<F extends (...a: never[]) => Tensor>(name: string, fill: F): F {
  return ((...a: Parameters<F>): Tensor => {
    if (!deprecationWarned.has(name)) {
      deprecationWarned.add(name);
      process.emitWarning(`nn.init.${name} is now deprecated in favor of nn.init.${name}_.`, "UserWarning");
    }
    return fill(...a);
  }) as F;
}

/** Deprecated: `uniform_`. */
export const uniform = deprecated("uniform", uniform_);
/** Deprecated: `normal_`. */
export const normal = deprecated("normal", normal_);
/** Deprecated: `constant_`. */
export const constant = deprecated("constant", constant_);
/** Deprecated: `xavier_uniform_`. */
export const xavier_uniform = deprecated("xavier_uniform", xavier_uniform_);
/** Deprecated: `xavier_normal_`. */
export const xavier_normal = deprecated("xavier_normal", xavier_normal_);
/** Deprecated: `kaiming_uniform_`. */
export const kaiming_uniform = deprecated("kaiming_uniform", kaiming_uniform_);
/** Deprecated: `kaiming_normal_`. */
export const kaiming_normal = deprecated("kaiming_normal", kaiming_normal_);
/** Deprecated: `orthogonal_`. */
export const orthogonal = deprecated("orthogonal", orthogonal_);
