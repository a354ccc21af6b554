/**
 * The 3-D pooling functions, PyTorch's `F.max_pool3d`, `F.avg_pool3d`, `F.adaptive_avg_pool3d`,
 * `F.adaptive_max_pool3d` and the `_with_indices` spellings, with PyTorch's positional parameters
 * and a trailing options object (`F.max_pool3d(x, 2, {stride: 1, return_indices: true})`).
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import * as P from "../../ops/pool3d";

type Size3 = number | number[];

function args(op: string, raw: unknown[], names: readonly string[]): Record<string, unknown> {
  const a = raw.slice();
  while (a.length && a[a.length - 1] === undefined) a.pop();
  return parseArgs(op, a, names);
}

export interface MaxPool3dOptions extends P.MaxPool3dOptions {
  kernel_size?: Size3;
}

export interface AvgPool3dOptions extends P.AvgPool3dOptions {
  kernel_size?: Size3;
}

const MAX_ARGS = ["kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"];

/**
 * 3-D max pooling, PyTorch's
 * `F.max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)`.
 *
 * Shape: [N, C, D, H, W] (or [C, D, H, W]) -> D_out = floor((D + 2*padding - dilation*(kD-1) - 1) / stride + 1)
 * (ceil with ceil_mode), likewise H_out and W_out. With `return_indices: true` the result is
 * `[values, indices]`, indices flat over each D*H*W volume (for MaxUnpool3d).
 *
 * @example
 * F.max_pool3d(torch.randn(1, 2, 4, 6, 6), 2).shape                          // [1, 2, 2, 3, 3]
 * F.max_pool3d(x, 3, {stride: 2, padding: 1, ceil_mode: true, return_indices: true})
 */
export function max_pool3d(input: Tensor, kernel_size: Size3 | MaxPool3dOptions, options: MaxPool3dOptions & { return_indices: true }): [Tensor, Tensor];
export function max_pool3d(
  input: Tensor,
  kernel_size: Size3 | MaxPool3dOptions,
  stride?: Size3 | null | MaxPool3dOptions,
  padding?: Size3 | MaxPool3dOptions,
  dilation?: Size3 | MaxPool3dOptions,
  ceil_mode?: boolean | MaxPool3dOptions,
  return_indices?: boolean | MaxPool3dOptions,
): Tensor;
export function max_pool3d(input: Tensor, ...rest: unknown[]): Tensor | [Tensor, Tensor] {
  const o = args("max_pool3d", rest, MAX_ARGS);
  return P.max_pool3d(input, o.kernel_size as Size3, o as P.MaxPool3dOptions);
}

/** `F.max_pool3d_with_indices`: max_pool3d with `return_indices: true`, `[values, indices]`. */
export function max_pool3d_with_indices(input: Tensor, ...rest: unknown[]): [Tensor, Tensor] {
  const o = args("max_pool3d_with_indices", rest, MAX_ARGS);
  return P.max_pool3d(input, o.kernel_size as Size3, { ...(o as P.MaxPool3dOptions), return_indices: true });
}

/**
 * 3-D average pooling, PyTorch's
 * `F.avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)`.
 *
 * @example
 * F.avg_pool3d(torch.randn(1, 2, 4, 6, 6), 3, {stride: 2, padding: 1, count_include_pad: false}).shape   // [1, 2, 2, 3, 3]
 */
export function avg_pool3d(
  input: Tensor,
  kernel_size: Size3 | AvgPool3dOptions,
  stride?: Size3 | null | AvgPool3dOptions,
  padding?: Size3 | AvgPool3dOptions,
  ceil_mode?: boolean | AvgPool3dOptions,
  count_include_pad?: boolean | AvgPool3dOptions,
  divisor_override?: number | null | AvgPool3dOptions,
): Tensor {
  const o = args("avg_pool3d", [kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override], [
    "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override",
  ]);
  return P.avg_pool3d(input, o.kernel_size as Size3, o as P.AvgPool3dOptions);
}

/** An int, a triple, or a triple with null meaning "keep the input size". */
export type AdaptiveSize3 = P.AdaptiveSize3;

/**
 * Adaptive average pooling to `output_size`, PyTorch's `F.adaptive_avg_pool3d`.
 * @example F.adaptive_avg_pool3d(torch.randn(2, 8, 5, 7, 7), [1, null, 3]).shape   // [2, 8, 1, 7, 3]
 */
export function adaptive_avg_pool3d(input: Tensor, output_size: AdaptiveSize3 | { output_size?: AdaptiveSize3 }): Tensor {
  const o = args("adaptive_avg_pool3d", [output_size], ["output_size"]);
  return P.adaptive_avg_pool3d(input, o.output_size as AdaptiveSize3);
}

/** Adaptive max pooling, PyTorch's `F.adaptive_max_pool3d(input, output_size, return_indices=False)`. */
export function adaptive_max_pool3d(input: Tensor, output_size: AdaptiveSize3, options: { return_indices: true }): [Tensor, Tensor];
export function adaptive_max_pool3d(
  input: Tensor,
  output_size: AdaptiveSize3 | { output_size?: AdaptiveSize3; return_indices?: boolean },
  return_indices?: boolean | { return_indices?: boolean },
): Tensor;
export function adaptive_max_pool3d(input: Tensor, ...rest: unknown[]): Tensor | [Tensor, Tensor] {
  const o = args("adaptive_max_pool3d", rest, ["output_size", "return_indices"]);
  return P.adaptive_max_pool3d(input, o.output_size as AdaptiveSize3, { return_indices: (o.return_indices as boolean | undefined) ?? false });
}

/** `F.adaptive_max_pool3d_with_indices`: `[values, indices]` (PyTorch's `return_indices` is accepted and has no effect). */
export function adaptive_max_pool3d_with_indices(
  input: Tensor,
  output_size: AdaptiveSize3 | { output_size?: AdaptiveSize3; return_indices?: boolean },
  return_indices?: boolean | { return_indices?: boolean },
): [Tensor, Tensor] {
  const o = args("adaptive_max_pool3d_with_indices", [output_size, return_indices], ["output_size", "return_indices"]);
  return P.adaptive_max_pool3d(input, o.output_size as AdaptiveSize3, { return_indices: true });
}
