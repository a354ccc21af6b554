/** F.gumbel_softmax: a differentiable sample from the categorical distribution of `logits`. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { exponential_values } from "../../ops/sampling";
import { zeros_like } from "../../ops/creation";
import * as R from "../../ops/reduce";
import { checkInput } from "./activation";
import { RuntimeError } from "../../errors";

export interface GumbelSoftmaxOptions {
  tau?: number;
  hard?: boolean;
  eps?: number;
  dim?: number;
}

/**
 * softmax((logits + g) / tau) along `dim`, g Gumbel(0, 1) noise drawn from the default Generator
 * (`-log(Exponential(1))`, as PyTorch). With `hard`, the result is the one-hot of that sample's
 * argmax in the forward pass and the soft sample's gradient in the backward pass (straight-through).
 * `eps` is accepted and unused, as in PyTorch.
 * @example F.gumbel_softmax(logits, {tau: 0.5, hard: true})
 */
export function gumbel_softmax(logits: Tensor, tau?: number | GumbelSoftmaxOptions, hard?: boolean | GumbelSoftmaxOptions, eps?: number | GumbelSoftmaxOptions, dim?: number | GumbelSoftmaxOptions): Tensor {
  checkInput("gumbel_softmax", logits);
  const o = parseArgs("gumbel_softmax", [tau, hard, eps, dim], ["tau", "hard", "eps", "dim"]);
  const t = (o.tau as number | undefined) ?? 1;
  const d = (o.dim as number | undefined) ?? -1;
  if (logits.dtype._tf !== "float32") throw new RuntimeError(`"softmax_lastdim_kernel_impl" not implemented for '${logits.dtype._typeName}'`);
  const gumbels = exponential_values(logits.shape, 1).log().neg();
  const ySoft = R.softmax(logits.add(gumbels).div(t), d);
  if (!((o.hard as boolean | undefined) ?? false)) return ySoft;
  const index = ySoft.max(d, true)[1];
  const yHard = zeros_like(logits).scatter(d, index, 1.0);
  return yHard.sub(ySoft.detach()).add(ySoft);
}
