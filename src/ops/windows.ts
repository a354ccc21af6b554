/**
 * The window functions of torch.* (PyTorch 1.13's signal windows): hann_window, hamming_window,
 * blackman_window and bartlett_window, each `(window_length, periodic=True, ..., {dtype,
 * requires_grad})`. A periodic window of length L is the symmetric window of length L + 1 without its
 * last value (what torch.stft wants); length 1 is [1] and length 0 is empty, as in PyTorch.
 */
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { normalizeDtype } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { tensor, type CreationOptions } from "./creation";
import { RuntimeError } from "../errors";

/** The symmetric window's value at n of N points (N >= 2). */
type Shape = (n: number, N: number) => number;

function window(op: string, length: number, periodic: boolean, options: CreationOptions, shape: Shape): Tensor {
  if (!Number.isInteger(length)) throw new RuntimeError(`${op}(): window_length must be an integer, got ${length}`);
  if (length < 0) throw new RuntimeError(`${op} requires non-negative window_length, got window_length=${length}`);
  const dtype = options.dtype !== undefined && options.dtype !== null ? normalizeDtype(options.dtype) : D.defaultFloatDtype();
  if (!dtype.is_floating_point) {
    const rg = options.requires_grad ? "true" : "false (default)";
    throw new RuntimeError(
      `${op} expects floating point dtypes, got: TensorOptions(dtype=${D.CPP_NAMES[dtype._name]}, device=cpu, layout=Strided (default), requires_grad=${rg}, pinned_memory=false, memory_format=(nullopt))`,
    );
  }
  const N = periodic ? length + 1 : length;
  const values = new Float64Array(length);
  if (length === 1) values[0] = 1;
  else for (let n = 0; n < length; n++) values[n] = shape(n, N);
  return tensor(values, { ...options, dtype });
}

type WindowArgs = (boolean | number | CreationOptions | undefined)[];

function parse(op: string, rest: WindowArgs, names: string[]): { periodic: boolean; params: Record<string, unknown>; options: CreationOptions } {
  const o = parseArgs(op, rest as unknown[], ["periodic", ...names, "dtype", "device", "requires_grad"]);
  const options: CreationOptions = { dtype: o.dtype as CreationOptions["dtype"], requires_grad: o.requires_grad as boolean | undefined, device: o.device };
  return { periodic: (o.periodic as boolean | undefined) ?? true, params: o, options };
}

const cosTerm = (k: number) => (n: number, N: number) => Math.cos((2 * Math.PI * k * n) / (N - 1));

/** Hann window: 0.5 - 0.5 cos(2 pi n / (N - 1)). @example torch.hann_window(5) // [0, 0.3455, 0.9045, 0.9045, 0.3455] */
export function hann_window(window_length: number, ...rest: WindowArgs): Tensor {
  const { periodic, options } = parse("hann_window", rest, []);
  return window("hann_window", window_length, periodic, options, (n, N) => 0.5 - 0.5 * cosTerm(1)(n, N));
}

/** Hamming window: alpha - beta cos(2 pi n / (N - 1)), alpha 0.54 and beta 0.46 by default. */
export function hamming_window(window_length: number, ...rest: WindowArgs): Tensor {
  const { periodic, params, options } = parse("hamming_window", rest, ["alpha", "beta"]);
  const alpha = (params.alpha as number | undefined) ?? 0.54;
  const beta = (params.beta as number | undefined) ?? 0.46;
  return window("hamming_window", window_length, periodic, options, (n, N) => alpha - beta * cosTerm(1)(n, N));
}

/** Blackman window: 0.42 - 0.5 cos(2 pi n / (N - 1)) + 0.08 cos(4 pi n / (N - 1)). */
export function blackman_window(window_length: number, ...rest: WindowArgs): Tensor {
  const { periodic, options } = parse("blackman_window", rest, []);
  return window("blackman_window", window_length, periodic, options, (n, N) => 0.42 - 0.5 * cosTerm(1)(n, N) + 0.08 * cosTerm(2)(n, N));
}

/** Bartlett (triangular) window: 1 - |2n / (N - 1) - 1|. */
export function bartlett_window(window_length: number, ...rest: WindowArgs): Tensor {
  const { periodic, options } = parse("bartlett_window", rest, []);
  return window("bartlett_window", window_length, periodic, options, (n, N) => 1 - Math.abs((2 * n) / (N - 1) - 1));
}
