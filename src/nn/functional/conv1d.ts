/**
 * The 1-D convolution and pooling functions, PyTorch's `F.conv1d`, `F.max_pool1d`, `F.avg_pool1d`,
 * `F.adaptive_avg_pool1d` and `F.adaptive_max_pool1d`. Each runs the 2-D op on the input seen as an
 * image of height 1 ([N, C, L] -> [N, C, 1, L]), so gradients and backends are the 2-D ones; the
 * checks here are the 1-D ones, so that messages name the 1-D shapes the user passed.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import * as C from "../../ops/conv";
import * as P from "../../ops/pool";
import { RuntimeError, ShapeError, TypeError } from "../../errors";
import { renameGradFn } from "../../autograd/node";
import { asPyTuple } from "../../pyrepr";

/** An int or a 1-element array, as PyTorch's `_single` accepts. */
export type IntOrSingle = number | number[];

const fmt = (s: readonly number[]): string => `[${s.join(", ")}]`;

function args(op: string, raw: unknown[], names: readonly string[]): Record<string, unknown> {
  const a = raw.slice();
  while (a.length && a[a.length - 1] === undefined) a.pop();
  return parseArgs(op, a, names);
}

/** PyTorch's `_single`: an int or a 1-tuple to a number. */
export function single(op: string, name: string, v: unknown): number {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === "number" && Number.isInteger(v[0])) return v[0];
  throw new TypeError(`${op}(): argument '${name}' must be an int or a tuple of 1 int, but got ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`);
}

function checkTensor(op: string, name: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${t === null ? "None" : typeof t}`);
}

/** [N, C, L] (or [C, L]) -> [N, C, 1, L], and whether a batch dim was added. */
function toImage(op: string, input: Tensor, message: () => string): { x: Tensor; unbatched: boolean } {
  checkTensor(op, "input", input);
  if (input.dim() !== 2 && input.dim() !== 3) throw new ShapeError(message(), "2D or 3D", input.shape);
  const unbatched = input.dim() === 2;
  const x = unbatched ? input.unsqueeze(0) : input;
  return { x: x.unsqueeze(2), unbatched };
}

function fromImage(y: Tensor, unbatched: boolean): Tensor {
  const z = y.squeeze(2);
  return unbatched ? z.squeeze(0) : z;
}

// ------------------------------------------------------------------ convolution

export interface Conv1dOptions {
  bias?: Tensor | null;
  stride?: IntOrSingle;
  padding?: IntOrSingle | "same" | "valid";
  dilation?: IntOrSingle;
  groups?: number;
}

/**
 * 1-D convolution, PyTorch's `F.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
 *
 * Shape: input [N, C_in, L] (or [C_in, L]), weight [C_out, C_in/groups, k], bias [C_out];
 * output [N, C_out, L_out] with L_out = floor((L + 2*padding - dilation*(k-1) - 1) / stride) + 1.
 *
 * @example
 * F.conv1d(torch.randn(20, 16, 50), torch.randn(33, 16, 3)).shape   // [20, 33, 48]
 */
export function conv1d(
  input: Tensor,
  weight: Tensor,
  bias?: Tensor | null | Conv1dOptions,
  stride?: IntOrSingle | Conv1dOptions,
  padding?: IntOrSingle | "same" | "valid" | Conv1dOptions,
  dilation?: IntOrSingle | Conv1dOptions,
  groups?: number | Conv1dOptions,
): Tensor {
  const op = "conv1d";
  const o = args(op, [bias, stride, padding, dilation, groups], ["bias", "stride", "padding", "dilation", "groups"]);
  checkTensor(op, "weight", weight);
  const { x, unbatched } = toImage(op, input, () => `Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: ${fmt(input.shape)}`);
  if (weight.dim() !== 3) {
    throw new ShapeError(
      `Expected 3-dimensional weight for 3-dimensional input ${fmt(x.shape.filter((_, i) => i !== 2))}, but got ${weight.dim()}-dimensional weight of size ${fmt(weight.shape)} instead`,
      "3-D",
      weight.shape,
    );
  }
  const s = single(op, "stride", o.stride ?? 1);
  const d = single(op, "dilation", o.dilation ?? 1);
  const pad = o.padding ?? 0;
  const p = typeof pad === "string" ? pad : single(op, "padding", pad);
  const g = (o.groups as number | undefined) ?? 1;
  const [, c, L] = x.shape.filter((_, i) => i !== 2);
  const [, cg, k] = weight.shape;
  if (Number.isInteger(g) && g > 0 && c !== cg * g && weight.shape[0] % g === 0) {
    throw new ShapeError(
      `Given groups=${g}, weight of size ${fmt(weight.shape)}, expected input${fmt(input.dim() === 3 ? input.shape : [1, ...input.shape])} to have ${cg * g} channels, but got ${c} channels instead`,
      [cg * g],
      input.shape,
    );
  }
  const padded = L + 2 * (typeof p === "number" ? p : 0);
  if (p !== "same" && d > 0 && padded < d * (k - 1) + 1) {
    throw new RuntimeError(`Calculated padded input size per channel: (${padded}). Kernel size: (${d * (k - 1) + 1}). Kernel size can't be greater than actual input size`);
  }
  const b0 = (o.bias as Tensor | null | undefined) ?? null;
  const run = (x: Tensor, w: Tensor, b: Tensor | null): Tensor =>
    C.conv2d(x, w.unsqueeze(2), { bias: b, stride: [1, s], padding: typeof p === "string" ? (p as C.Padding2d) : [0, p], dilation: [1, d], groups: g });
  const y = fromImage(run(x, weight, b0), unbatched);
  // PyTorch's graph is one ConvolutionBackward0(input, weight, bias), without the 2-D detour's views.
  return unbatched ? y : renameGradFn(y, "ConvolutionBackward0", [input, weight, b0]);
}

// ------------------------------------------------------------------ pooling

export interface MaxPool1dOptions {
  kernel_size?: IntOrSingle;
  stride?: IntOrSingle | null;
  padding?: IntOrSingle;
  dilation?: IntOrSingle;
  ceil_mode?: boolean;
  return_indices?: boolean;
}

/**
 * 1-D max pooling, PyTorch's
 * `F.max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)`.
 * With `return_indices: true` the result is `[values, indices]`, indices along L.
 *
 * @example
 * F.max_pool1d(torch.randn(2, 4, 10), 2).shape   // [2, 4, 5]
 */
export function max_pool1d(input: Tensor, kernel_size: IntOrSingle | MaxPool1dOptions, options: MaxPool1dOptions & { return_indices: true }): [Tensor, Tensor];
export function max_pool1d(
  input: Tensor,
  kernel_size: IntOrSingle | MaxPool1dOptions,
  stride?: IntOrSingle | null | MaxPool1dOptions,
  padding?: IntOrSingle | MaxPool1dOptions,
  dilation?: IntOrSingle | MaxPool1dOptions,
  ceil_mode?: boolean | MaxPool1dOptions,
  return_indices?: boolean | MaxPool1dOptions,
): Tensor;
export function max_pool1d(input: Tensor, ...rest: unknown[]): Tensor | [Tensor, Tensor] {
  const op = "max_pool1d";
  const o = args(op, rest, ["kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"]);
  const k = single(op, "kernel_size", o.kernel_size);
  const s = o.stride === undefined || o.stride === null || (Array.isArray(o.stride) && o.stride.length === 0) ? k : single(op, "stride", o.stride);
  const { x, unbatched } = toImage(op, input, () => `max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:${fmt(input.shape)}`);
  const r = P.max_pool2d(x, [1, k], {
    stride: [1, s],
    padding: [0, single(op, "padding", o.padding ?? 0)],
    dilation: [1, single(op, "dilation", o.dilation ?? 1)],
    ceil_mode: (o.ceil_mode as boolean | undefined) ?? false,
    return_indices: (o.return_indices as boolean | undefined) ?? false,
  }) as Tensor | [Tensor, Tensor];
  return Array.isArray(r) ? asPyTuple<[Tensor, Tensor]>([fromImage(r[0], unbatched), fromImage(r[1], unbatched)]) : fromImage(r, unbatched);
}

export interface AvgPool1dOptions {
  kernel_size?: IntOrSingle;
  stride?: IntOrSingle | null;
  padding?: IntOrSingle;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
}

/**
 * 1-D average pooling, PyTorch's
 * `F.avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)`.
 *
 * @example
 * F.avg_pool1d(torch.tensor([[[1, 2, 3, 4, 5, 6, 7]]]).float(), 3, 2)   // tensor([[[2., 4., 6.]]])
 */
export function avg_pool1d(
  input: Tensor,
  kernel_size: IntOrSingle | AvgPool1dOptions,
  stride?: IntOrSingle | null | AvgPool1dOptions,
  padding?: IntOrSingle | AvgPool1dOptions,
  ceil_mode?: boolean | AvgPool1dOptions,
  count_include_pad?: boolean | AvgPool1dOptions,
): Tensor {
  const op = "avg_pool1d";
  const o = args(op, [kernel_size, stride, padding, ceil_mode, count_include_pad], ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"]);
  const k = single(op, "kernel_size", o.kernel_size);
  const s = o.stride === undefined || o.stride === null || (Array.isArray(o.stride) && o.stride.length === 0) ? k : single(op, "stride", o.stride);
  const { x, unbatched } = toImage(op, input, () => `Expected 2 to 3 dimensions, but got ${input.dim()}-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)`);
  const y = P.avg_pool2d(x, [1, k], {
    stride: [1, s],
    padding: [0, single(op, "padding", o.padding ?? 0)],
    ceil_mode: (o.ceil_mode as boolean | undefined) ?? false,
    count_include_pad: (o.count_include_pad as boolean | undefined) ?? true,
  });
  return fromImage(y, unbatched);
}

function adaptiveSize(op: string, v: unknown): number {
  if (v === undefined) throw new TypeError(`${op}() missing 1 required positional argument: 'output_size'`);
  return single(op, "output_size", v);
}

/**
 * Adaptive average pooling over L to `output_size`, PyTorch's `F.adaptive_avg_pool1d(input, output_size)`.
 * @example F.adaptive_avg_pool1d(torch.randn(2, 8, 13), 1).shape   // [2, 8, 1]
 */
export function adaptive_avg_pool1d(input: Tensor, output_size: IntOrSingle | { output_size?: IntOrSingle }): Tensor {
  const op = "adaptive_avg_pool1d";
  const o = args(op, [output_size], ["output_size"]);
  const n = adaptiveSize(op, o.output_size);
  const { x, unbatched } = toImage(op, input, () => `Expected 2 to 3 dimensions, but got ${input.dim()}-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)`);
  return fromImage(P.adaptive_avg_pool2d(x, [1, n]), unbatched);
}

/**
 * Adaptive max pooling over L, PyTorch's `F.adaptive_max_pool1d(input, output_size, return_indices=False)`.
 * @example F.adaptive_max_pool1d(torch.randn(2, 8, 13), 4).shape   // [2, 8, 4]
 */
export function adaptive_max_pool1d(input: Tensor, output_size: IntOrSingle, options: { return_indices: true }): [Tensor, Tensor];
export function adaptive_max_pool1d(
  input: Tensor,
  output_size: IntOrSingle | { output_size?: IntOrSingle; return_indices?: boolean },
  return_indices?: boolean | { return_indices?: boolean },
): Tensor;
export function adaptive_max_pool1d(input: Tensor, ...rest: unknown[]): Tensor | [Tensor, Tensor] {
  const op = "adaptive_max_pool1d";
  const o = args(op, rest, ["output_size", "return_indices"]);
  const n = adaptiveSize(op, o.output_size);
  const { x, unbatched } = toImage(op, input, () => `adaptive_max_pool1d(): Expected 2D or 3D tensor, but got ${fmt(input.shape)}`);
  if ((o.return_indices as boolean | undefined) ?? false) {
    const [v, i] = P.adaptive_max_pool2d(x, [1, n], { return_indices: true });
    return asPyTuple<[Tensor, Tensor]>([fromImage(v, unbatched), fromImage(i, unbatched)]);
  }
  return fromImage(P.adaptive_max_pool2d(x, [1, n]), unbatched);
}
