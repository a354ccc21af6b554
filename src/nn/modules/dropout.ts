/** Dropout layers: active in training mode, the identity after `eval()`. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module, _float_repr } from "./module";
import * as D from "../functional/dropout";
import { ValueError } from "../../errors";

type DropoutOpts = { p?: number; inplace?: boolean };

/** Shared by the dropout layers (PyTorch's _DropoutNd). */
export abstract class _DropoutNd extends Module {
  p: number;
  inplace: boolean;
  constructor(p?: number | DropoutOpts, inplace?: boolean | DropoutOpts) {
    super();
    const o = parseArgs(new.target.name, [p, inplace], ["p", "inplace"]);
    const prob = (o.p as number | undefined) ?? 0.5;
    if (typeof prob !== "number" || !(prob >= 0 && prob <= 1)) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${prob}`);
    this.p = prob;
    this.inplace = (o.inplace as boolean | undefined) ?? false;
  }
  extra_repr(): string {
    return `p=${_float_repr(this.p)}, inplace=${this.inplace ? "True" : "False"}`;
  }
}

/**
 * During training, zeroes each element with probability `p` (mask drawn from the default
 * Generator) and scales the rest by 1 / (1 - p); in eval mode returns the input.
 *
 * Args:
 *   p: probability of an element to be zeroed. Default: 0.5.
 *   inplace: Default: false.
 *
 * @example
 * const drop = new nn.Dropout(0.2);
 * drop(x); drop.eval(); drop(x)  // x
 */
export class Dropout extends _DropoutNd {
  forward(input: Tensor): Tensor {
    return D.dropout(input, this.p, this.training, this.inplace);
  }
}

/** Zeroes whole channels of [N, C, L] input (training only). */
export class Dropout1d extends _DropoutNd {
  forward(input: Tensor): Tensor {
    return D.dropout1d(input, this.p, this.training, this.inplace);
  }
}

/**
 * Zeroes whole channels of [N, C, H, W] input with probability `p` (training only), as
 * feature maps of adjacent pixels are correlated and elementwise dropout would not regularise them.
 */
export class Dropout2d extends _DropoutNd {
  forward(input: Tensor): Tensor {
    return D.dropout2d(input, this.p, this.training, this.inplace);
  }
}

/**
 * Alpha dropout for self-normalising (SELU) networks: dropped elements take SELU's negative
 * saturation value and the result is rescaled to keep zero mean and unit variance (training only).
 */
export class AlphaDropout extends _DropoutNd {
  forward(input: Tensor): Tensor {
    return D.alpha_dropout(input, this.p, this.training, this.inplace);
  }
}
