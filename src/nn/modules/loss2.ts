/** More loss layers: the Module forms of the losses in ../functional/loss2. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import * as L from "../functional/loss2";
import type { Reduction } from "../functional/loss";
import { _Loss, _WeightedLoss } from "./loss";
import { PairwiseDistance } from "./vision2";
import { ValueError } from "../../errors";

type Legacy = { size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction };
const LEGACY = ["size_average", "reduce", "reduction"];

/** forward's arguments by name: PyTorch's `loss(x1, x2, target=y)` is `loss(x1, x2, {target: y})`. */
function forwardArgs(loss: string, args: unknown[], names: string[]): Record<string, Tensor> {
  return parseArgs(`${loss}.forward`, args, names) as Record<string, Tensor>;
}

/** max(0, -y * (x1 - x2) + margin). forward(input1, input2, target). */
export class MarginRankingLoss extends _Loss {
  margin: number;
  constructor(margin?: number | (Legacy & { margin?: number }), size_average?: boolean | null, reduce?: boolean | null, reduction?: Reduction) {
    const o = parseArgs("MarginRankingLoss", [margin, size_average, reduce, reduction], ["margin", ...LEGACY]);
    super(o);
    this.margin = (o.margin as number | undefined) ?? 0;
  }
  forward(input1: Tensor, input2: Tensor, target: Tensor | { target: Tensor }): Tensor {
    const o = forwardArgs("MarginRankingLoss", [input1, input2, target], ["input1", "input2", "target"]);
    return L.margin_ranking_loss(o.input1, o.input2, o.target, { margin: this.margin, reduction: this.reduction });
  }
}

/** x where y = 1, max(0, margin - x) where y = -1. */
export class HingeEmbeddingLoss extends _Loss {
  margin: number;
  constructor(margin?: number | (Legacy & { margin?: number }), size_average?: boolean | null, reduce?: boolean | null, reduction?: Reduction) {
    const o = parseArgs("HingeEmbeddingLoss", [margin, size_average, reduce, reduction], ["margin", ...LEGACY]);
    super(o);
    this.margin = (o.margin as number | undefined) ?? 1;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.hinge_embedding_loss(input, target, { margin: this.margin, reduction: this.reduction });
  }
}

/** log(1 + exp(-y x)). */
export class SoftMarginLoss extends _Loss {
  constructor(size_average?: boolean | null | Legacy, reduce?: boolean | null, reduction?: Reduction) {
    super(parseArgs("SoftMarginLoss", [size_average, reduce, reduction], LEGACY));
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.soft_margin_loss(input, target, { reduction: this.reduction });
  }
}

/** One-vs-all logistic loss for multi-hot targets, with an optional per-class weight buffer. */
export class MultiLabelSoftMarginLoss extends _WeightedLoss {
  constructor(weight?: Tensor | null | (Legacy & { weight?: Tensor | null }), size_average?: boolean | null, reduce?: boolean | null, reduction?: Reduction) {
    super(parseArgs("MultiLabelSoftMarginLoss", [weight, size_average, reduce, reduction], ["weight", ...LEGACY]));
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.multilabel_soft_margin_loss(input, target, this.weight, { reduction: this.reduction });
  }
}

/** 1 - cos(x1, x2) where y = 1, max(0, cos(x1, x2) - margin) where y = -1. */
export class CosineEmbeddingLoss extends _Loss {
  margin: number;
  constructor(margin?: number | (Legacy & { margin?: number }), size_average?: boolean | null, reduce?: boolean | null, reduction?: Reduction) {
    const o = parseArgs("CosineEmbeddingLoss", [margin, size_average, reduce, reduction], ["margin", ...LEGACY]);
    super(o);
    this.margin = (o.margin as number | undefined) ?? 0;
  }
  forward(input1: Tensor, input2: Tensor, target: Tensor | { target: Tensor }): Tensor {
    const o = forwardArgs("CosineEmbeddingLoss", [input1, input2, target], ["input1", "input2", "target"]);
    return L.cosine_embedding_loss(o.input1, o.input2, o.target, { margin: this.margin, reduction: this.reduction });
  }
}

/** max(d(a, p) - d(a, n) + margin, 0). forward(anchor, positive, negative). */
export class TripletMarginLoss extends _Loss {
  margin: number;
  p: number;
  eps: number;
  swap: boolean;
  constructor(margin?: number | L.TripletOptions, p?: number, eps?: number, swap?: boolean, size_average?: boolean | null, reduce?: boolean | null, reduction?: Reduction) {
    const o = parseArgs("TripletMarginLoss", [margin, p, eps, swap, size_average, reduce, reduction], ["margin", "p", "eps", "swap", ...LEGACY]);
    super(o);
    this.margin = (o.margin as number | undefined) ?? 1;
    this.p = (o.p as number | undefined) ?? 2;
    this.eps = (o.eps as number | undefined) ?? 1e-6;
    this.swap = (o.swap as boolean | undefined) ?? false;
  }
  forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return L.triplet_margin_loss(anchor, positive, negative, { margin: this.margin, p: this.p, eps: this.eps, swap: this.swap, reduction: this.reduction });
  }
}

/**
 * max(d(a, p) - d(a, n) + margin, 0) with any distance function (default: pairwise_distance).
 * forward(anchor, positive, negative). All arguments keyword-only, as in PyTorch.
 *
 * @example
 * const loss = new nn.TripletMarginWithDistanceLoss({distance_function: nn.PairwiseDistance(), margin: 0.5});
 */
export class TripletMarginWithDistanceLoss extends _Loss {
  distance_function: (x1: Tensor, x2: Tensor) => Tensor;
  margin: number;
  swap: boolean;
  constructor(options: L.TripletWithDistanceOptions = {}) {
    const o = parseArgs("TripletMarginWithDistanceLoss", [options], ["distance_function", "margin", "swap", "reduction"]);
    super(o);
    this.margin = (o.margin as number | undefined) ?? 1;
    // PyTorch keeps its default distance as a child module: the repr shows `(distance_function): PairwiseDistance()`.
    this.distance_function = (o.distance_function as ((x1: Tensor, x2: Tensor) => Tensor) | null | undefined) ?? (new PairwiseDistance() as unknown as (x1: Tensor, x2: Tensor) => Tensor);
    this.swap = (o.swap as boolean | undefined) ?? false;
  }
  forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return L.triplet_margin_with_distance_loss(anchor, positive, negative, { distance_function: this.distance_function, margin: this.margin, swap: this.swap, reduction: this.reduction });
  }
}

/** Multi-class multi-label hinge loss (targets: class indices up to the first -1). */
export class MultiLabelMarginLoss extends _Loss {
  constructor(size_average?: boolean | null | Legacy, reduce?: boolean | null, reduction?: Reduction) {
    super(parseArgs("MultiLabelMarginLoss", [size_average, reduce, reduction], LEGACY));
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.multilabel_margin_loss(input, target, { reduction: this.reduction });
  }
}

/** Multi-class hinge loss, p 1 or 2, with an optional per-class weight buffer. */
export class MultiMarginLoss extends _WeightedLoss {
  p: number;
  margin: number;
  constructor(p?: number | L.MultiMarginOptions, margin?: number, weight?: Tensor | null, size_average?: boolean | null, reduce?: boolean | null, reduction?: Reduction) {
    const o = parseArgs("MultiMarginLoss", [p, margin, weight, size_average, reduce, reduction], ["p", "margin", "weight", ...LEGACY]);
    super(o);
    this.p = (o.p as number | undefined) ?? 1;
    this.margin = (o.margin as number | undefined) ?? 1;
    if (this.p !== 1 && this.p !== 2) throw new ValueError("only p == 1 and p == 2 supported");
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return L.multi_margin_loss(input, target, { p: this.p, margin: this.margin, weight: this.weight, reduction: this.reduction });
  }
}

/** Poisson negative log likelihood (see F.poisson_nll_loss). */
export class PoissonNLLLoss extends _Loss {
  log_input: boolean;
  full: boolean;
  eps: number;
  constructor(log_input?: boolean | L.PoissonNLLOptions, full?: boolean, size_average?: boolean | null, eps?: number, reduce?: boolean | null, reduction?: Reduction) {
    const o = parseArgs("PoissonNLLLoss", [log_input, full, size_average, eps, reduce, reduction], ["log_input", "full", "size_average", "eps", "reduce", "reduction"]);
    super(o);
    this.log_input = (o.log_input as boolean | undefined) ?? true;
    this.full = (o.full as boolean | undefined) ?? false;
    this.eps = (o.eps as number | undefined) ?? 1e-8;
  }
  forward(log_input: Tensor, target: Tensor): Tensor {
    return L.poisson_nll_loss(log_input, target, { log_input: this.log_input, full: this.full, eps: this.eps, reduction: this.reduction });
  }
}

/** Gaussian negative log likelihood; forward(input, target, var). Options (keyword-only in PyTorch): full, eps, reduction. */
export class GaussianNLLLoss extends _Loss {
  full: boolean;
  eps: number;
  constructor(options: { full?: boolean; eps?: number; reduction?: Reduction } = {}) {
    const o = parseArgs("GaussianNLLLoss", [options], ["full", "eps", "reduction"]);
    super(o);
    this.full = (o.full as boolean | undefined) ?? false;
    this.eps = (o.eps as number | undefined) ?? 1e-6;
  }
  forward(input: Tensor, target: Tensor, variance: Tensor): Tensor {
    return L.gaussian_nll_loss(input, target, variance, { full: this.full, eps: this.eps, reduction: this.reduction });
  }
}

/** Connectionist Temporal Classification loss (see F.ctc_loss); forward(log_probs, targets, input_lengths, target_lengths). */
export class CTCLoss extends _Loss {
  blank: number;
  zero_infinity: boolean;
  constructor(blank?: number | { blank?: number; reduction?: Reduction; zero_infinity?: boolean }, reduction?: Reduction, zero_infinity?: boolean) {
    const o = parseArgs("CTCLoss", [blank, reduction, zero_infinity], ["blank", "reduction", "zero_infinity"]);
    super(o);
    this.blank = (o.blank as number | undefined) ?? 0;
    this.zero_infinity = (o.zero_infinity as boolean | undefined) ?? false;
  }
  forward(log_probs: Tensor, targets: Tensor, input_lengths: Tensor | number[], target_lengths: Tensor | number[]): Tensor {
    return L.ctc_loss(log_probs, targets, input_lengths, target_lengths, { blank: this.blank, reduction: this.reduction, zero_infinity: this.zero_infinity });
  }
}
