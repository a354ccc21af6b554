import { Tensor } from "../tensor/tensor";
import { zeros_like } from "../ops/creation";
import { rmspropStep } from "../ops/optim_kernels";
import { Optimizer, ParamGroup, ParamsArg, num, flag } from "./optimizer";
import { optimizerArgs, nonNegative } from "./_args";

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
  constructor(params: ParamsArg, ...args: (number | boolean | RMSpropOptions | undefined)[]) {
    const o = optimizerArgs("RMSprop", args, ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "foreach", "maximize", "differentiable"], {
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
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._stateOf(p);
      if (Object.keys(state).length === 0) {
        state.step = 0;
        state.square_avg = zeros_like(p);
        if (momentum > 0) state.momentum_buffer = zeros_like(p);
        if (centered) state.grad_avg = zeros_like(p);
      }
      state.step = (state.step as number) + 1;
      const buf = momentum > 0 ? (state.momentum_buffer instanceof Tensor ? state.momentum_buffer : (state.momentum_buffer = zeros_like(p))) : null;
      const ga = centered ? (state.grad_avg instanceof Tensor ? state.grad_avg : (state.grad_avg = zeros_like(p))) : null;
      rmspropStep(p, p.grad, state.square_avg as Tensor, ga, buf, {
        lr: num(group, "lr"), alpha: num(group, "alpha"), eps: num(group, "eps"), weight_decay: num(group, "weight_decay"),
        momentum, centered, maximize: flag(group, "maximize"),
      });
    }
  }
}
