/** LPPool1d, LPPool2d (power-average pooling) and MaxUnpool1d, MaxUnpool2d (the partial inverse of max pooling). */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import { asPyTuple } from "../../pyrepr";
import { pythonRepr } from "../../display/pylist";
import { lp_pool1d, lp_pool2d, max_unpool1d, max_unpool2d } from "../functional/pool_extra";

type IntOrPair = number | number[];
const show = (v: IntOrPair | null): string => (v === null ? "None" : Array.isArray(v) ? `(${v.join(", ")})` : String(v));

abstract class _LPPoolNd extends Module {
  norm_type: number;
  kernel_size: IntOrPair;
  stride: IntOrPair | null;
  ceil_mode: boolean;
  constructor(layer: string, norm_type: number | LPPoolOpts, kernel_size?: IntOrPair | LPPoolOpts, stride?: IntOrPair | null | LPPoolOpts, ceil_mode?: boolean | LPPoolOpts) {
    super();
    const o = parseArgs(layer, [norm_type, kernel_size, stride, ceil_mode], ["norm_type", "kernel_size", "stride", "ceil_mode"]);
    this.norm_type = o.norm_type as number;
    this.kernel_size = o.kernel_size as IntOrPair;
    this.stride = (o.stride as IntOrPair | null | undefined) ?? null;
    this.ceil_mode = (o.ceil_mode as boolean | undefined) ?? false;
  }
  extra_repr(): string {
    return `norm_type=${this.norm_type}, kernel_size=${show(this.kernel_size)}, stride=${show(this.stride)}, ceil_mode=${this.ceil_mode ? "True" : "False"}`;
  }
}
type LPPoolOpts = { norm_type?: number; kernel_size?: IntOrPair; stride?: IntOrPair | null; ceil_mode?: boolean };

/**
 * 1-D power-average pooling: (sum of x^p over each window)^(1/p).
 * @example new nn.LPPool1d(2, 3, {stride: 2})(torch.randn(20, 16, 50))
 */
export class LPPool1d extends _LPPoolNd {
  constructor(norm_type: number | LPPoolOpts, kernel_size?: IntOrPair | LPPoolOpts, stride?: IntOrPair | null | LPPoolOpts, ceil_mode?: boolean | LPPoolOpts) {
    super("LPPool1d", norm_type, kernel_size, stride, ceil_mode);
  }
  forward(input: Tensor): Tensor {
    return lp_pool1d(input, this.norm_type, this.kernel_size, this.stride, this.ceil_mode);
  }
}

/**
 * 2-D power-average pooling.
 * @example new nn.LPPool2d(1.2, [3, 2], {stride: [2, 1]})(torch.randn(20, 16, 50, 32))
 */
export class LPPool2d extends _LPPoolNd {
  constructor(norm_type: number | LPPoolOpts, kernel_size?: IntOrPair | LPPoolOpts, stride?: IntOrPair | null | LPPoolOpts, ceil_mode?: boolean | LPPoolOpts) {
    super("LPPool2d", norm_type, kernel_size, stride, ceil_mode);
  }
  forward(input: Tensor): Tensor {
    return lp_pool2d(input, this.norm_type, this.kernel_size, this.stride, this.ceil_mode);
  }
}

type UnpoolOpts = { kernel_size?: IntOrPair; stride?: IntOrPair | null; padding?: IntOrPair };
type OutputSize = number[] | null | { output_size?: number[] | null };

/** PyTorch's `_single` / `_pair`: a number repeated `n` times, a sequence kept; a tuple either way. */
function ntuple(v: IntOrPair, n: number): number[] {
  return asPyTuple(Array.isArray(v) ? v.slice() : new Array<number>(n).fill(v));
}

abstract class _MaxUnpoolNd extends Module {
  kernel_size: IntOrPair;
  stride: IntOrPair;
  padding: IntOrPair;
  constructor(layer: string, n: number, kernel_size: IntOrPair | UnpoolOpts, stride?: IntOrPair | null | UnpoolOpts, padding?: IntOrPair | UnpoolOpts) {
    super();
    const o = parseArgs(layer, [kernel_size, stride, padding], ["kernel_size", "stride", "padding"]);
    // Normalised once, as PyTorch's constructor does: MaxUnpool2d(2) prints kernel_size=(2, 2).
    this.kernel_size = ntuple(o.kernel_size as IntOrPair, n);
    this.stride = ntuple((o.stride as IntOrPair | null | undefined) ?? (o.kernel_size as IntOrPair), n);
    this.padding = ntuple((o.padding as IntOrPair | undefined) ?? 0, n);
  }
  extra_repr(): string {
    return `kernel_size=${pythonRepr(this.kernel_size)}, stride=${pythonRepr(this.stride)}, padding=${pythonRepr(this.padding)}`;
  }
}

function outputSize(layer: string, v: OutputSize | undefined): number[] | null {
  return (parseArgs(`${layer}.forward`, [v], ["output_size"]).output_size as number[] | null | undefined) ?? null;
}

/**
 * Puts each value of a max_pool1d output back where its index says, zeros elsewhere.
 * @example
 * const [out, idx] = new nn.MaxPool1d(2, {stride: 2, return_indices: true})(x);
 * new nn.MaxUnpool1d(2, {stride: 2})(out, idx)
 */
export class MaxUnpool1d extends _MaxUnpoolNd {
  constructor(kernel_size: IntOrPair | UnpoolOpts, stride?: IntOrPair | null | UnpoolOpts, padding?: IntOrPair | UnpoolOpts) {
    super("MaxUnpool1d", 1, kernel_size, stride, padding);
  }
  forward(input: Tensor, indices: Tensor, output_size?: OutputSize): Tensor {
    return max_unpool1d(input, indices, this.kernel_size, this.stride, this.padding, outputSize("MaxUnpool1d", output_size));
  }
}

/** Puts each value of a max_pool2d output back where its index says, zeros elsewhere. */
export class MaxUnpool2d extends _MaxUnpoolNd {
  constructor(kernel_size: IntOrPair | UnpoolOpts, stride?: IntOrPair | null | UnpoolOpts, padding?: IntOrPair | UnpoolOpts) {
    super("MaxUnpool2d", 2, kernel_size, stride, padding);
  }
  forward(input: Tensor, indices: Tensor, output_size?: OutputSize): Tensor {
    return max_unpool2d(input, indices, this.kernel_size, this.stride, this.padding, outputSize("MaxUnpool2d", output_size));
  }
}
