/**
 * torchvision.ops.sigmoid_focal_loss (Lin et al., "Focal Loss for Dense Object Detection"), as
 * torchvision 0.14 computes it: binary cross entropy on logits, scaled by `(1 - p_t) ** gamma` and
 * weighted by `alpha` for positives, `1 - alpha` for negatives.
 */
import { Tensor } from "../../tensor/tensor";
import { binary_cross_entropy_with_logits } from "../../nn/functional/loss";
import { parseArgs } from "../../tensor/args";

export interface SigmoidFocalLossOptions {
  /** Weight of the positive class in (0, 1); a negative value turns the weighting off. Default 0.25. */
  alpha?: number;
  /** Exponent of the modulating factor `(1 - p_t)`. Default 2. */
  gamma?: number;
  /** "none" (default), "mean" or "sum"; torchvision 0.14 treats any other string as "none". */
  reduction?: string;
}

/**
 * The focal loss of each logit against its binary target.
 *
 * Args: inputs (Tensor, logits of any shape); targets (Tensor of the same shape, 0 or 1);
 * alpha, gamma, reduction (positional or in an options object).
 * Returns: a loss of the inputs' shape ("none") or a scalar.
 * @example torchvision.ops.sigmoid_focal_loss(logits, targets, { reduction: "mean" })
 */
export function sigmoid_focal_loss(
  inputs: Tensor,
  targets: Tensor,
  alpha?: number | SigmoidFocalLossOptions,
  gamma?: number | SigmoidFocalLossOptions,
  reduction?: string | SigmoidFocalLossOptions,
  options?: SigmoidFocalLossOptions,
): Tensor {
  const o = parseArgs("sigmoid_focal_loss", [alpha, gamma, reduction, options], ["alpha", "gamma", "reduction"]);
  const a = (o.alpha as number | undefined) ?? 0.25;
  const g = (o.gamma as number | undefined) ?? 2;
  const p = inputs.sigmoid();
  const ce = binary_cross_entropy_with_logits(inputs, targets, { reduction: "none" });
  const pT = p.mul(targets).add(p.rsub(1).mul(targets.rsub(1)));
  let loss = ce.mul(pT.rsub(1).pow(g));
  if (a >= 0) loss = targets.mul(a).add(targets.rsub(1).mul(1 - a)).mul(loss);
  if (o.reduction === "mean") return loss.mean();
  if (o.reduction === "sum") return loss.sum();
  return loss;
}
