import { rmspropStep } from "../ops/optim_kernels";
import { Optimizer, ParamGroup, ParamsArg, num, flag, type ParamsKeyword } from "./optimizer";
import { optimizerArgs, nonNegative, keywordArgs } from "./_args";

export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weight_decay?: number;
  momentum?: number;
  centered?: boolean;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * RMSprop: divides the gradient by a running root mean square, `sqrt(square_avg) + eps` (centered:
 * `sqrt(square_avg - grad_avg^2) + eps`), optionally with momentum.
 *
 * Args:
 *   params: tensors or parameter groups to optimize.
 *   lr: learning rate (default 1e-2).
 *   alpha: smoothing constant (default 0.99).
 *   eps: added to the denominator (default 1e-8).
 *   weight_decay: L2 penalty (default 0).
 *   momentum: momentum factor (default 0).
 *   centered: normalise by the estimated variance of the gradient (default false).
 *   maximize: ascend the objective instead (default false).
 *
 * @example
 * const optimizer = new torch.optim.RMSprop(net.parameters(), {lr: 1e-2, momentum: 0.9});
 */
export class RMSprop extends Optimizer {
  constructor(params: ParamsArg | ParamsKeyword<RMSpropOptions>, ...args: (number | boolean | RMSpropOptions | undefined)[]) {
    const o = optimizerArgs("RMSprop", keywordArgs(params, args), ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "foreach", "maximize", "differentiable"], {
      lr: 1e-2, momentum: 0, alpha: 0.99, eps: 1e-8, centered: false, weight_decay: 0, foreach: null, maximize: false, differentiable: false,
    });
    nonNegative("RMSprop", "lr", o.lr, "learning rate");
    nonNegative("RMSprop", "eps", o.eps, "epsilon value");
    nonNegative("RMSprop", "momentum", o.momentum, "momentum value");
    nonNegative("RMSprop", "weight_decay", o.weight_decay, "weight_decay value");
    nonNegative("RMSprop", "alpha", o.alpha, "alpha value");
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const momentum = num(group, "momentum");
    const centered = flag(group, "centered");
    const names = ["square_avg", ...(momentum > 0 ? ["momentum_buffer"] : []), ...(centered ? ["grad_avg"] : [])];
    for (const { p, grad, buffers } of this._steps(group, names)) {
      const [sq, buf, ga] = [buffers[0], momentum > 0 ? buffers[1] : null, centered ? buffers[buffers.length - 1] : null];
      rmspropStep(p, grad, sq, ga, buf, {
        lr: num(group, "lr"), alpha: num(group, "alpha"), eps: num(group, "eps"), weight_decay: num(group, "weight_decay"),
        momentum, centered, maximize: flag(group, "maximize"),
      });
    }
  }
}
