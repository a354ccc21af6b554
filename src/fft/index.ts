/**
 * torch.fft: the sample-frequency helpers (fftfreq, rfftfreq) and the zero-frequency shifts
 * (fftshift, ifftshift), with PyTorch 1.13's values, dtype rules and errors.
 *
 * The transforms themselves (fft, rfft, ifft, irfft, fft2, fftn, ...) return complex tensors, and
 * torchlab has no complex dtype (no torch.complex64, view_as_real or view_as_complex), so they are
 * not offered: a real-valued stand-in of another shape would not be the same program.
 */
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { from_typed, type CreationOptions } from "../ops/creation";
import { normalizeDtype } from "../tensor/tensor";
import { roll } from "../ops/shape_extra";
import { normDim } from "../ops/_core";
import { parseArgs } from "../tensor/args";
import { RuntimeError, TypeError } from "../errors";

export interface FftFreqOptions extends CreationOptions {
  /** The sample spacing (the inverse of the sampling rate); default 1. */
  d?: number;
}

/** The values `k / (n * d)` for the given integers k, as PyTorch computes them: `arange(...).mul_(1 / (n * d))`. */
function frequencies(op: string, args: readonly unknown[], ks: (n: number) => number[]): Tensor {
  const o = parseArgs(op, args, ["n", "d", "dtype", "device", "requires_grad"]) as FftFreqOptions & { n?: number };
  if (o.n === undefined) throw new TypeError(`${op}() missing 1 required positional argument: 'n'`);
  if (typeof o.n !== "number" || !Number.isInteger(o.n)) throw new TypeError(`fft_${op}(): argument 'n' (position 1) must be int, not ${typeof o.n === "number" ? "float" : typeof o.n}`);
  if (o.n < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${o.n}: [${o.n}]`);
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : D.defaultFloatDtype();
  if (!dtype.is_floating_point) throw new RuntimeError(`${op} requires a floating point or complex dtype`);
  const d = o.d ?? 1;
  // float32 multiplies by the scale rounded to float32 (PyTorch casts the double scalar to the op's type); float64 in double.
  const scale = dtype === D.float64 ? 1 / (o.n * d) : Math.fround(1 / (o.n * d));
  const k = ks(o.n);
  const values = Float32Array.from(k, (v) => v * scale);
  return from_typed(values, [k.length], { dtype, device: o.device, requires_grad: o.requires_grad });
}

/**
 * The sample frequencies of a signal of size `n`: `[0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (d * n)`,
 * the order torch.fft.fft returns them in.
 *
 * @example torch.fft.fftfreq(5)  // tensor([ 0.0000,  0.2000,  0.4000, -0.4000, -0.2000])
 * @example torch.fft.fftfreq(4, 0.1)
 */
export function fftfreq(n: number | (FftFreqOptions & { n?: number }), d?: number | FftFreqOptions, options?: FftFreqOptions): Tensor {
  return frequencies("fftfreq", [n, d, options], (m) => Array.from({ length: m }, (_, i) => (i < Math.floor((m + 1) / 2) ? i : i - m)));
}

/**
 * The sample frequencies of torch.fft.rfft's output for a signal of size `n`: `[0, 1, ..., floor(n/2)] / (d * n)`.
 *
 * @example torch.fft.rfftfreq(7, {d: 0.3})
 */
export function rfftfreq(n: number | (FftFreqOptions & { n?: number }), d?: number | FftFreqOptions, options?: FftFreqOptions): Tensor {
  return frequencies("rfftfreq", [n, d, options], (m) => Array.from({ length: Math.floor(m / 2) + 1 }, (_, i) => i));
}

type Dims = number | number[] | null;

function shifted(op: string, input: Tensor, args: readonly unknown[], amount: (size: number) => number): Tensor {
  const o = parseArgs(op, args, ["dim"]);
  if (!(input instanceof Tensor)) throw new TypeError(`fft_${op}(): argument 'input' (position 1) must be Tensor, not ${input === null ? "NoneType" : typeof input}`);
  const dim = o.dim as Dims | undefined;
  const dims = dim === undefined || dim === null ? input.shape.map((_, i) => i) : (typeof dim === "number" ? [dim] : dim).map((x) => normDim(x, input.dim()));
  if (dims.length === 0) return input.clone();
  return roll(input, dims.map((x) => amount(input.shape[x])), dims);
}

/**
 * Moves the zero-frequency term to the centre: rolls each of `dim` (default: all) by `floor(size / 2)`.
 * Differentiable (a roll).
 *
 * @example torch.fft.fftshift(torch.fft.fftfreq(5))  // tensor([-0.4000, -0.2000,  0.0000,  0.2000,  0.4000])
 */
export function fftshift(input: Tensor, dim?: Dims | { dim?: Dims }): Tensor {
  return shifted("fftshift", input, [dim], (n) => Math.floor(n / 2));
}

/** The inverse of fftshift: rolls each of `dim` (default: all) by `-floor(size / 2)`. */
export function ifftshift(input: Tensor, dim?: Dims | { dim?: Dims }): Tensor {
  return shifted("ifftshift", input, [dim], (n) => Math.floor((n + 1) / 2));
}
