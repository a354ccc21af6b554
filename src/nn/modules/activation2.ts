/** More activation layers: the Module forms of F.prelu, F.rrelu, F.hardswish, F.glu, ... */
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty } from "../../ops/creation";
import { Module, _float_repr } from "./module";
import { Parameter } from "../parameter";
import * as init from "../init";
import * as A from "../functional/activation2";
import { ValueError } from "../../errors";
import { checkFeatures } from "./linear";

function inplaceArg(op: string, v: unknown): boolean {
  return (parseArgs(op, [v], ["inplace"]).inplace as boolean | undefined) ?? false;
}

const inplaceSuffix = (b: boolean): string => (b ? ", inplace=True" : "");

/**
 * x where x > 0, a * x elsewhere, with a learnt slope `a` (one, or one per channel of dim 1).
 *
 * Args: num_parameters (1), init (0.25).
 */
export class PReLU extends Module {
  num_parameters: number;
  init: number;
  weight: Parameter;
  constructor(num_parameters?: number | { num_parameters?: number; init?: number; device?: unknown; dtype?: DType | string }, initValue?: number) {
    super();
    const o = parseArgs("PReLU", [num_parameters, initValue], ["num_parameters", "init", "device", "dtype"]);
    this.num_parameters = checkFeatures("PReLU", "num_parameters", o.num_parameters ?? 1);
    this.init = (o.init as number | undefined) ?? 0.25;
    this.weight = new Parameter(empty([this.num_parameters]));
    this.reset_parameters();
  }
  reset_parameters(): void {
    init.constant_(this.weight, this.init);
  }
  forward(input: Tensor): Tensor {
    return A.prelu(input, this.weight);
  }
  extra_repr(): string {
    return `num_parameters=${this.num_parameters}`;
  }
}

/**
 * Randomized leaky ReLU: negative slopes drawn from U(lower, upper) in training, (lower + upper) / 2
 * in eval mode.
 */
export class RReLU extends Module {
  lower: number;
  upper: number;
  inplace: boolean;
  constructor(lower?: number | { lower?: number; upper?: number; inplace?: boolean }, upper?: number, inplace?: boolean) {
    super();
    const o = parseArgs("RReLU", [lower, upper, inplace], ["lower", "upper", "inplace"]);
    this.lower = (o.lower as number | undefined) ?? 1 / 8;
    this.upper = (o.upper as number | undefined) ?? 1 / 3;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return A.rrelu(input, this.lower, this.upper, this.training, this.inplace);
  }
  extra_repr(): string {
    return `lower=${_float_repr(this.lower)}, upper=${_float_repr(this.upper)}${inplaceSuffix(this.inplace)}`;
  }
}

/** x * relu6(x + 3) / 6. */
export class Hardswish extends Module {
  inplace: boolean;
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super();
    this.inplace = inplaceArg("Hardswish", inplace);
  }
  forward(input: Tensor): Tensor {
    return A.hardswish(input, this.inplace);
  }
}

/** relu6(x + 3) / 6. */
export class Hardsigmoid extends Module {
  inplace: boolean;
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super();
    this.inplace = inplaceArg("Hardsigmoid", inplace);
  }
  forward(input: Tensor): Tensor {
    return A.hardsigmoid(input, this.inplace);
  }
}

/** x * tanh(softplus(x)). */
export class Mish extends Module {
  inplace: boolean;
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super();
    this.inplace = inplaceArg("Mish", inplace);
  }
  forward(input: Tensor): Tensor {
    return A.mish(input, this.inplace);
  }
}

/** x / (1 + |x|). */
export class Softsign extends Module {
  forward(input: Tensor): Tensor {
    return A.softsign(input);
  }
}

/** x - tanh(x). */
export class Tanhshrink extends Module {
  forward(input: Tensor): Tensor {
    return A.tanhshrink(input);
  }
}

/** x -+ lambd outside [-lambd, lambd], 0 inside (lambd 0.5). */
export class Softshrink extends Module {
  lambd: number;
  constructor(lambd?: number | { lambd?: number }) {
    super();
    this.lambd = (parseArgs("Softshrink", [lambd], ["lambd"]).lambd as number | undefined) ?? 0.5;
  }
  forward(input: Tensor): Tensor {
    return A.softshrink(input, this.lambd);
  }
  extra_repr(): string {
    return _float_repr(this.lambd);
  }
}

/** x outside [-lambd, lambd], 0 inside (lambd 0.5). */
export class Hardshrink extends Module {
  lambd: number;
  constructor(lambd?: number | { lambd?: number }) {
    super();
    this.lambd = (parseArgs("Hardshrink", [lambd], ["lambd"]).lambd as number | undefined) ?? 0.5;
  }
  forward(input: Tensor): Tensor {
    return A.hardshrink(input, this.lambd);
  }
  extra_repr(): string {
    return _float_repr(this.lambd);
  }
}

/** x where x > threshold, `value` elsewhere. */
export class Threshold extends Module {
  threshold: number;
  value: number;
  inplace: boolean;
  constructor(threshold: number | { threshold?: number; value?: number; inplace?: boolean }, value?: number, inplace?: boolean) {
    super();
    const o = parseArgs("Threshold", [threshold, value, inplace], ["threshold", "value", "inplace"]);
    if (typeof o.threshold !== "number" || typeof o.value !== "number") {
      throw new ValueError(`Threshold(): threshold and value must be numbers, got ${typeof o.threshold} and ${typeof o.value}`);
    }
    this.threshold = o.threshold;
    this.value = o.value;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return A.threshold(input, this.threshold, this.value, this.inplace);
  }
  extra_repr(): string {
    return `threshold=${_float_repr(this.threshold)}, value=${_float_repr(this.value)}${inplaceSuffix(this.inplace)}`;
  }
}

/** Gated linear unit over `dim` (-1): first half * sigmoid(second half). */
export class GLU extends Module {
  dim: number;
  constructor(dim?: number | { dim?: number }) {
    super();
    this.dim = (parseArgs("GLU", [dim], ["dim"]).dim as number | undefined) ?? -1;
  }
  forward(input: Tensor): Tensor {
    return A.glu(input, this.dim);
  }
  extra_repr(): string {
    return `dim=${this.dim}`;
  }
}

/** max(0, x) + min(0, alpha * (exp(x / alpha) - 1)). */
export class CELU extends Module {
  alpha: number;
  inplace: boolean;
  constructor(alpha?: number | { alpha?: number; inplace?: boolean }, inplace?: boolean) {
    super();
    const o = parseArgs("CELU", [alpha, inplace], ["alpha", "inplace"]);
    this.alpha = (o.alpha as number | undefined) ?? 1;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return A.celu(input, this.alpha, this.inplace);
  }
  extra_repr(): string {
    return `alpha=${_float_repr(this.alpha)}${inplaceSuffix(this.inplace)}`;
  }
}

/** Scaled ELU with the self-normalising constants. */
export class SELU extends Module {
  inplace: boolean;
  constructor(inplace?: boolean | { inplace?: boolean }) {
    super();
    this.inplace = inplaceArg("SELU", inplace);
  }
  forward(input: Tensor): Tensor {
    return A.selu(input, this.inplace);
  }
  extra_repr(): string {
    return this.inplace ? "inplace=True" : "";
  }
}
