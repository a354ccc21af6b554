/**
 * Loss layers: the Module forms of the functional losses. Weights given to a loss are registered as
 * buffers, so they appear in state_dict() as in PyTorch.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import * as L from "../functional/loss";
import type { Reduction } from "../functional/loss";
import { TypeError } from "../../errors";

type LegacyOpts = { size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction };

/**
 * Base of the losses: holds `reduction` ('mean' | 'sum' | 'none'). As in PyTorch, a bad value is
 * reported when the loss is computed, and the legacy size_average/reduce flags are folded in here.
 */
export abstract class _Loss extends Module {
  reduction: Reduction;
  constructor(o: Record<string, unknown>) {
    super();
    const legacy = (o.size_average !== undefined && o.size_average !== null) || (o.reduce !== undefined && o.reduce !== null);
    this.reduction = legacy ? L._reduction(o) : (((o.reduction as Reduction | undefined) ?? "mean") as Reduction);
  }
}

/** A loss with an optional per-class `weight` buffer. */
export abstract class _WeightedLoss extends _Loss {
  declare weight: Tensor | null;
  constructor(o: Record<string, unknown>) {
    super(o);
    const w = o.weight ?? null;
    if (w !== null && !(w instanceof Tensor)) throw new TypeError(`${new.target.name}(): weight must be a Tensor or null, got ${typeof w}`);
    this.register_buffer("weight", w as Tensor | null);
  }
}

type CEOpts = LegacyOpts & { weight?: Tensor | null; ignore_index?: number; label_smoothing?: number };

/**
 * Cross entropy of logits against class indices or class probabilities (see F.cross_entropy).
 *
 * Args (all optional, positional in PyTorch's order or as options): weight [C], size_average,
 * ignore_index (-100), reduce, reduction ('mean'), label_smoothing (0.0).
 *
 * Shape: input [N, C] (or [C], or [N, C, d1, ...]); target [N] of class indices in [0, C), or
 * [N, C] probabilities; output scalar (or [N] with reduction 'none').
 *
 * @example
 * const criterion = new nn.CrossEntropyLoss();
 * const loss = criterion(net(x), y);
 * loss.backward();
 */
export class CrossEntropyLoss extends _WeightedLoss {
  ignore_index: number;
  label_smoothing: number;
  constructor(weight?: Tensor | null | CEOpts, size_average?: boolean | null | CEOpts, ignore_index?: number | CEOpts, reduce?: boolean | null | CEOpts, reduction?: Reduction | CEOpts, label_smoothing?: number | CEOpts) {
    const o = parseArgs("CrossEntropyLoss", [weight, size_average, ignore_index, reduce, reduction, label_smoothing], ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"]);
    super(o);
    this.ignore_index = (o.ignore_index as number | undefined) ?? -100;
    this.label_smoothing = (o.label_smoothing as number | undefined) ?? 0;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.cross_entropy(input, target, { weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction, label_smoothing: this.label_smoothing });
  }
}

type NllOpts = LegacyOpts & { weight?: Tensor | null; ignore_index?: number };

/** Negative log likelihood of log-probabilities at class indices (see F.nll_loss). */
export class NLLLoss extends _WeightedLoss {
  ignore_index: number;
  constructor(weight?: Tensor | null | NllOpts, size_average?: boolean | null | NllOpts, ignore_index?: number | NllOpts, reduce?: boolean | null | NllOpts, reduction?: Reduction | NllOpts) {
    const o = parseArgs("NLLLoss", [weight, size_average, ignore_index, reduce, reduction], ["weight", "size_average", "ignore_index", "reduce", "reduction"]);
    super(o);
    this.ignore_index = (o.ignore_index as number | undefined) ?? -100;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.nll_loss(input, target, { weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction });
  }
}

function legacy(op: string, args: unknown[]): Record<string, unknown> {
  return parseArgs(op, args, ["size_average", "reduce", "reduction"]);
}

/** Mean squared error (see F.mse_loss). Options: reduction. */
export class MSELoss extends _Loss {
  constructor(size_average?: boolean | null | LegacyOpts, reduce?: boolean | null | LegacyOpts, reduction?: Reduction | LegacyOpts) {
    super(legacy("MSELoss", [size_average, reduce, reduction]));
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.mse_loss(input, target, { reduction: this.reduction });
  }
}

/** Mean absolute error (see F.l1_loss). Options: reduction. */
export class L1Loss extends _Loss {
  constructor(size_average?: boolean | null | LegacyOpts, reduce?: boolean | null | LegacyOpts, reduction?: Reduction | LegacyOpts) {
    super(legacy("L1Loss", [size_average, reduce, reduction]));
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.l1_loss(input, target, { reduction: this.reduction });
  }
}

/** Smooth L1 (see F.smooth_l1_loss). Options: reduction, beta (1.0). */
export class SmoothL1Loss extends _Loss {
  beta: number;
  constructor(size_average?: boolean | null | (LegacyOpts & { beta?: number }), reduce?: boolean | null, reduction?: Reduction, beta?: number) {
    const o = parseArgs("SmoothL1Loss", [size_average, reduce, reduction, beta], ["size_average", "reduce", "reduction", "beta"]);
    super(o);
    this.beta = (o.beta as number | undefined) ?? 1;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.smooth_l1_loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

/** Huber loss (see F.huber_loss). Options: reduction, delta (1.0). */
export class HuberLoss extends _Loss {
  delta: number;
  constructor(reduction?: Reduction | { reduction?: Reduction; delta?: number }, delta?: number) {
    const o = parseArgs("HuberLoss", [reduction, delta], ["reduction", "delta"]);
    super(o);
    this.delta = (o.delta as number | undefined) ?? 1;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.huber_loss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

type BceOpts = LegacyOpts & { weight?: Tensor | null };

/** Binary cross entropy of probabilities (see F.binary_cross_entropy). Options: weight, reduction. */
export class BCELoss extends _WeightedLoss {
  constructor(weight?: Tensor | null | BceOpts, size_average?: boolean | null | BceOpts, reduce?: boolean | null | BceOpts, reduction?: Reduction | BceOpts) {
    super(parseArgs("BCELoss", [weight, size_average, reduce, reduction], ["weight", "size_average", "reduce", "reduction"]));
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.binary_cross_entropy(input, target, { weight: this.weight, reduction: this.reduction });
  }
}

type BceLogitsOpts = BceOpts & { pos_weight?: Tensor | null };

/**
 * Sigmoid + binary cross entropy, numerically stable (see F.binary_cross_entropy_with_logits).
 *
 * Args (options): weight, reduction, pos_weight ([C]: weight of positive examples per class).
 *
 * @example
 * const criterion = new nn.BCEWithLogitsLoss({pos_weight: torch.ones([64]).mul(3)});
 */
export class BCEWithLogitsLoss extends _Loss {
  declare weight: Tensor | null;
  declare pos_weight: Tensor | null;
  constructor(weight?: Tensor | null | BceLogitsOpts, size_average?: boolean | null | BceLogitsOpts, reduce?: boolean | null | BceLogitsOpts, reduction?: Reduction | BceLogitsOpts, pos_weight?: Tensor | null | BceLogitsOpts) {
    const o = parseArgs("BCEWithLogitsLoss", [weight, size_average, reduce, reduction, pos_weight], ["weight", "size_average", "reduce", "reduction", "pos_weight"]);
    super(o);
    for (const k of ["weight", "pos_weight"]) {
      const v = o[k] ?? null;
      if (v !== null && !(v instanceof Tensor)) throw new TypeError(`BCEWithLogitsLoss(): ${k} must be a Tensor or null, got ${typeof v}`);
      this.register_buffer(k, v as Tensor | null);
    }
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.binary_cross_entropy_with_logits(input, target, { weight: this.weight, pos_weight: this.pos_weight, reduction: this.reduction });
  }
}

/** Kullback-Leibler divergence (see F.kl_div). Options: reduction ('mean' | 'batchmean' | ...), log_target. */
export class KLDivLoss extends _Loss {
  log_target: boolean;
  kl_reduction: Reduction | "batchmean";
  constructor(options: { size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction | "batchmean"; log_target?: boolean } = {}) {
    const o = parseArgs("KLDivLoss", [options], ["size_average", "reduce", "reduction", "log_target"]);
    super(o.reduction === "batchmean" ? { ...o, reduction: "mean" } : o);
    this.kl_reduction = o.reduction === "batchmean" ? "batchmean" : this.reduction;
    this.log_target = (o.log_target as boolean | undefined) ?? false;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.kl_div(input, target, { reduction: this.kl_reduction, log_target: this.log_target });
  }
}
