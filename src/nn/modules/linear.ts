/** Linear layers: Identity, Linear, Bilinear. */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty } from "../../ops/creation";
import { Module } from "./module";
import { Parameter } from "../parameter";
import * as init from "../init";
import { linear, bilinear } from "../functional/linear";
import { TypeError, RuntimeError } from "../../errors";

/** Checks a size argument the way `torch.empty` would, but naming the layer and argument. */
export function checkFeatures(layer: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`${layer}(): argument '${name}' must be an integer, got ${typeof v === "number" ? v : typeof v}`);
  }
  if (v < 0) throw new RuntimeError(`${layer}(): ${name} must be non-negative, got ${v} (Trying to create tensor with negative dimension ${v})`);
  return v;
}

/**
 * Returns its input unchanged; any constructor arguments are ignored (a placeholder layer).
 *
 * @example
 * new nn.Identity()(x)  // x
 */
export class Identity extends Module {
  constructor(...args: unknown[]) {
    super();
    void args;
  }
  forward(input: Tensor): Tensor {
    return input;
  }
}

/**
 * Applies y = x W^T + b.
 *
 * Args:
 *   in_features: size of each input sample's last dimension.
 *   out_features: size of each output sample's last dimension.
 *   bias: learn an additive bias. Default: true.
 *
 * Shape: input [*, in_features] -> output [*, out_features].
 *
 * Attributes: weight [out_features, in_features] and bias [out_features], both initialised from
 * U(-1/sqrt(in_features), 1/sqrt(in_features)) as in PyTorch.
 *
 * @example
 * const m = new nn.Linear(20, 30);
 * m(torch.randn(128, 20)).shape  // [128, 30]
 */
export class Linear extends Module {
  in_features: number;
  out_features: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(
    in_features: number | LinearOptions,
    out_features?: number | LinearOptions,
    bias?: boolean | LinearOptions,
    device?: LinearOptions["device"] | LinearOptions,
    dtype?: LinearOptions["dtype"] | null | LinearOptions,
    options?: LinearOptions,
  ) {
    super();
    // device and dtype may come positionally, as a subclass's super(in_features, out_features, bias, device, dtype) passes them.
    const a = parseArgs("Linear", [in_features, out_features, bias, device, dtype, options], ["in_features", "out_features", "bias", "device", "dtype"]);
    this.in_features = checkFeatures("Linear", "in_features", a.in_features);
    this.out_features = checkFeatures("Linear", "out_features", a.out_features);
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    this.weight = new Parameter(empty([this.out_features, this.in_features], dt));
    this.bias = (a.bias as boolean | undefined) ?? true ? new Parameter(empty([this.out_features], dt)) : null;
    this.reset_parameters();
  }

  /** PyTorch's default init: kaiming_uniform_(a=sqrt(5)) for the weight, U(+-1/sqrt(fan_in)) for the bias. */
  reset_parameters(): void {
    init.kaiming_uniform_(this.weight, { a: Math.sqrt(5) });
    if (this.bias !== null) {
      const [fanIn] = init._calculate_fan_in_and_fan_out(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      init.uniform_(this.bias, -bound, bound);
    }
  }

  forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }

  extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias !== null ? "True" : "False"}`;
  }
}

export interface LinearOptions {
  in_features?: number;
  out_features?: number;
  bias?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

/**
 * Applies y = x1^T A x2 + b.
 *
 * Shape: input1 [*, in1_features], input2 [*, in2_features] -> output [*, out_features].
 * Weight [out_features, in1_features, in2_features] and bias [out_features] are initialised from
 * U(-1/sqrt(in1_features), 1/sqrt(in1_features)).
 */
export class Bilinear extends Module {
  in1_features: number;
  in2_features: number;
  out_features: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(in1_features: number, in2_features: number, out_features: number, bias: boolean | { bias?: boolean; device?: unknown; dtype?: DType | string } = true) {
    super();
    const a = parseArgs("Bilinear", [in1_features, in2_features, out_features, bias], ["in1_features", "in2_features", "out_features", "bias", "device", "dtype"]);
    this.in1_features = checkFeatures("Bilinear", "in1_features", a.in1_features);
    this.in2_features = checkFeatures("Bilinear", "in2_features", a.in2_features);
    this.out_features = checkFeatures("Bilinear", "out_features", a.out_features);
    this.weight = new Parameter(empty([this.out_features, this.in1_features, this.in2_features]));
    this.bias = (a.bias as boolean | undefined) ?? true ? new Parameter(empty([this.out_features])) : null;
    this.reset_parameters();
  }

  reset_parameters(): void {
    const bound = 1 / Math.sqrt(this.weight.shape[1]);
    init.uniform_(this.weight, -bound, bound);
    if (this.bias !== null) init.uniform_(this.bias, -bound, bound);
  }

  forward(input1: Tensor, input2: Tensor): Tensor {
    return bilinear(input1, input2, this.weight, this.bias);
  }

  extra_repr(): string {
    return `in1_features=${this.in1_features}, in2_features=${this.in2_features}, out_features=${this.out_features}, bias=${this.bias !== null ? "True" : "False"}`;
  }
}
