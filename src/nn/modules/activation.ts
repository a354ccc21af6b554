/** Activation layers: the Module forms of F.relu, F.leaky_relu, F.softmax, ... */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module, _float_repr } from "./module";
import * as A from "../functional/activation";
import { ValueError } from "../../errors";

function inplaceArg(op: string, args: unknown[]): boolean {
  return (parseArgs(op, args, ["inplace"]).inplace as boolean | undefined) ?? false;
}

/**
 * max(0, x), elementwise.
 *
 * Args:
 *   inplace: overwrite the input where autograd allows (see F.relu). Default: false.
 *
 * @example
 * new nn.ReLU()(torch.tensor([-1.0, 2.0]))  // tensor([0., 2.])
 */
export class ReLU extends Module {
  inplace: boolean;
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super();
    this.inplace = inplaceArg("ReLU", [inplace]);
  }
  forward(input: Tensor): Tensor {
    return A.relu(input, this.inplace);
  }
  extra_repr(): string {
    return this.inplace ? "inplace=True" : "";
  }
}

/** Clamps to [min_val, max_val] (defaults -1, 1). */
export class Hardtanh extends Module {
  min_val: number;
  max_val: number;
  inplace: boolean;
  constructor(min_val?: number | { min_val?: number; max_val?: number; inplace?: boolean }, max_val?: number, inplace?: boolean) {
    super();
    const o = parseArgs("Hardtanh", [min_val, max_val, inplace], ["min_val", "max_val", "inplace"]);
    this.min_val = (o.min_val as number | undefined) ?? -1;
    this.max_val = (o.max_val as number | undefined) ?? 1;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
    if (!(this.max_val > this.min_val)) throw new ValueError(`Hardtanh: max_val (${this.max_val}) must be greater than min_val (${this.min_val})`);
  }
  forward(input: Tensor): Tensor {
    return A.hardtanh(input, this.min_val, this.max_val, this.inplace);
  }
  extra_repr(): string {
    return `min_val=${_float_repr(this.min_val)}, max_val=${_float_repr(this.max_val)}${this.inplace ? ", inplace=True" : ""}`;
  }
}

/** min(max(0, x), 6). */
export class ReLU6 extends Hardtanh {
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super(0, 6, inplaceArg("ReLU6", [inplace]));
  }
  extra_repr(): string {
    return this.inplace ? "inplace=True" : "";
  }
}

/**
 * x for x >= 0, negative_slope * x otherwise.
 *
 * Args:
 *   negative_slope: slope for negative inputs. Default: 0.01.
 *   inplace: Default: false.
 */
export class LeakyReLU extends Module {
  negative_slope: number;
  inplace: boolean;
  constructor(negative_slope?: number | { negative_slope?: number; inplace?: boolean }, inplace?: boolean | { inplace?: boolean }) {
    super();
    const o = parseArgs("LeakyReLU", [negative_slope, inplace], ["negative_slope", "inplace"]);
    this.negative_slope = (o.negative_slope as number | undefined) ?? 0.01;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return A.leaky_relu(input, this.negative_slope, this.inplace);
  }
  extra_repr(): string {
    return `negative_slope=${_float_repr(this.negative_slope)}${this.inplace ? ", inplace=True" : ""}`;
  }
}

/** x for x > 0, alpha * (exp(x) - 1) otherwise. */
export class ELU extends Module {
  alpha: number;
  inplace: boolean;
  constructor(alpha?: number | { alpha?: number; inplace?: boolean }, inplace?: boolean) {
    super();
    const o = parseArgs("ELU", [alpha, inplace], ["alpha", "inplace"]);
    this.alpha = (o.alpha as number | undefined) ?? 1;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return A.elu(input, this.alpha, this.inplace);
  }
  extra_repr(): string {
    return `alpha=${_float_repr(this.alpha)}${this.inplace ? ", inplace=True" : ""}`;
  }
}

/** 1 / (1 + exp(-x)). */
export class Sigmoid extends Module {
  forward(input: Tensor): Tensor {
    return A._sigmoid(input);
  }
}

/** Hyperbolic tangent. */
export class Tanh extends Module {
  forward(input: Tensor): Tensor {
    return A._tanh(input);
  }
}

/** log(sigmoid(x)). */
export class LogSigmoid extends Module {
  forward(input: Tensor): Tensor {
    return A.logsigmoid(input);
  }
}

/**
 * x * Phi(x), Phi the standard normal CDF.
 *
 * Args:
 *   approximate: 'none' (exact, default) or 'tanh'.
 */
export class GELU extends Module {
  approximate: "none" | "tanh";
  constructor(approximate?: "none" | "tanh" | { approximate?: "none" | "tanh" }) {
    super();
    const o = parseArgs("GELU", [approximate], ["approximate"]);
    this.approximate = (o.approximate as "none" | "tanh" | undefined) ?? "none";
  }
  forward(input: Tensor): Tensor {
    return A.gelu(input, { approximate: this.approximate });
  }
  extra_repr(): string {
    return `approximate='${this.approximate}'`;
  }
}

/** x * sigmoid(x) (swish). */
export class SiLU extends Module {
  inplace: boolean;
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super();
    this.inplace = inplaceArg("SiLU", [inplace]);
  }
  forward(input: Tensor): Tensor {
    return A.silu(input, this.inplace);
  }
  extra_repr(): string {
    return this.inplace ? "inplace=True" : "";
  }
}

/** log(1 + exp(beta x)) / beta, linear above `threshold`. Defaults: beta 1, threshold 20. */
export class Softplus extends Module {
  beta: number;
  threshold: number;
  constructor(beta?: number | { beta?: number; threshold?: number }, threshold?: number) {
    super();
    const o = parseArgs("Softplus", [beta, threshold], ["beta", "threshold"]);
    this.beta = (o.beta as number | undefined) ?? 1;
    this.threshold = (o.threshold as number | undefined) ?? 20;
  }
  forward(input: Tensor): Tensor {
    return A.softplus(input, this.beta, this.threshold);
  }
  extra_repr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

type DimArg = number | null | { dim?: number | null };

function dimArg(op: string, dim: DimArg | undefined): number | null {
  return (parseArgs(op, [dim], ["dim"]).dim as number | null | undefined) ?? null;
}

/**
 * Softmax along `dim`: the outputs are in (0, 1) and sum to 1 along it.
 * @example new nn.Softmax(1)(logits)  // or new nn.Softmax({dim: 1})
 */
export class Softmax extends Module {
  dim: number | null;
  constructor(dim?: DimArg) {
    super();
    this.dim = dimArg("Softmax", dim);
  }
  forward(input: Tensor): Tensor {
    return A.softmax(input, this.dim);
  }
  extra_repr(): string {
    return `dim=${this.dim === null ? "None" : this.dim}`;
  }
}

/**
 * Softmax over the channels of each spatial location: dim -3 of an [N, C, H, W] or [C, H, W] input.
 * @example new nn.Softmax2d()(torch.randn(2, 3, 12, 13))  // sums to 1 over dim 1
 */
export class Softmax2d extends Module {
  forward(input: Tensor): Tensor {
    if (input.dim() !== 3 && input.dim() !== 4) throw new ValueError(`Softmax2d requires a 3D or 4D tensor as input, got ${input.dim()}D input of shape [${input.shape.join(", ")}]`);
    return A.softmax(input, -3);
  }
}

/** log(softmax(x)) along `dim`. */
export class LogSoftmax extends Module {
  dim: number | null;
  constructor(dim?: DimArg) {
    super();
    this.dim = dimArg("LogSoftmax", dim);
  }
  forward(input: Tensor): Tensor {
    return A.log_softmax(input, this.dim);
  }
  extra_repr(): string {
    return `dim=${this.dim === null ? "None" : this.dim}`;
  }
}

/** softmax(-x) along `dim`. */
export class Softmin extends Module {
  dim: number | null;
  constructor(dim?: DimArg) {
    super();
    this.dim = dimArg("Softmin", dim);
  }
  forward(input: Tensor): Tensor {
    return A.softmin(input, this.dim);
  }
  extra_repr(): string {
    return `dim=${this.dim === null ? "None" : this.dim}`;
  }
}
