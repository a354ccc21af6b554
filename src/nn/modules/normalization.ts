/** LayerNorm: per-sample normalisation over the trailing dims. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module, _float_repr } from "./module";
import { Parameter } from "../parameter";
import { ones, zeros } from "../../ops/creation";
import { layer_norm } from "../functional/normalization";
import { TypeError } from "../../errors";

/**
 * Normalises each sample over its last dims (`normalized_shape`) with the biased variance, then
 * applies a learnable elementwise scale (ones) and shift (zeros).
 *
 * Args:
 *   normalized_shape: the trailing shape to normalise over (an int means the last dim).
 *   eps: added to the variance. Default: 1e-5.
 *   elementwise_affine: learn weight and bias. Default: true.
 *
 * Shape: input [*, *normalized_shape] -> output of the same shape.
 */
/** LayerNorm's keyword arguments (`nn.LayerNorm({normalized_shape: 768})`, as PyTorch's keywords). */
export interface LayerNormOptions {
  normalized_shape?: number | number[];
  eps?: number;
  elementwise_affine?: boolean;
  device?: unknown;
  dtype?: unknown;
}

export class LayerNorm extends Module {
  normalized_shape: number[];
  eps: number;
  elementwise_affine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(normalized_shape: number | number[] | LayerNormOptions, eps?: number | LayerNormOptions, elementwise_affine?: boolean) {
    super();
    const o = parseArgs("LayerNorm", [normalized_shape, eps, elementwise_affine], ["normalized_shape", "eps", "elementwise_affine", "device", "dtype"]);
    const given = o.normalized_shape;
    if (given === undefined) throw new TypeError("LayerNorm.__init__() missing 1 required positional argument: 'normalized_shape'");
    const shape = typeof given === "number" ? [given] : given;
    if (!Array.isArray(shape) || shape.some((s) => !Number.isInteger(s) || s < 0)) {
      throw new TypeError(`LayerNorm(): normalized_shape must be an integer or an array of integers, got ${String(given)}`);
    }
    this.normalized_shape = shape.slice();
    this.eps = (o.eps as number | undefined) ?? 1e-5;
    this.elementwise_affine = (o.elementwise_affine as boolean | undefined) ?? true;
    this.weight = this.elementwise_affine ? new Parameter(ones(shape)) : null;
    this.bias = this.elementwise_affine ? new Parameter(zeros(shape)) : null;
  }

  forward(input: Tensor): Tensor {
    return layer_norm(input, this.normalized_shape, this.weight, this.bias, this.eps);
  }

  extra_repr(): string {
    const s = this.normalized_shape;
    return `(${s.join(", ")}${s.length === 1 ? "," : ""}), eps=${_float_repr(this.eps)}, elementwise_affine=${this.elementwise_affine ? "True" : "False"}`;
  }
}
