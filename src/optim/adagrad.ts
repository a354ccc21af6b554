import { Tensor } from "../tensor/tensor";
import { full_like } from "../ops/creation";
import { adagradStep } from "../ops/optim_kernels";
import { Optimizer, ParamGroup, ParamsArg, ParamState, num, flag, type ParamsKeyword } from "./optimizer";
import { optimizerArgs, nonNegative, keywordArgs } from "./_args";

export interface AdagradOptions {
  lr?: number;
  lr_decay?: number;
  weight_decay?: number;
  initial_accumulator_value?: number;
  eps?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}

/**
 * Adagrad: per-element learning rates `lr / (sqrt(sum of squared gradients) + eps)`, with the
 * base lr decayed as `lr / (1 + (step - 1) * lr_decay)`.
 *
 * Args:
 *   params: tensors or parameter groups to optimize.
 *   lr: learning rate (default 1e-2).
 *   lr_decay: learning rate decay (default 0).
 *   weight_decay: L2 penalty (default 0).
 *   initial_accumulator_value: starting value of the sums (default 0).
 *   eps: added to the denominator (default 1e-10).
 *   maximize: ascend the objective instead (default false).
 *
 * As in PyTorch, the state (`step`, `sum`) of every parameter exists from construction on.
 *
 * @example
 * const optimizer = new torch.optim.Adagrad(net.parameters(), {lr: 0.1});
 */
export class Adagrad extends Optimizer {
  protected _tensorStep = true;

  constructor(params: ParamsArg | ParamsKeyword<AdagradOptions>, ...args: (number | boolean | AdagradOptions | undefined)[]) {
    const o = optimizerArgs("Adagrad", keywordArgs(params, args), ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "foreach", "maximize"], {
      lr: 1e-2, lr_decay: 0, eps: 1e-10, weight_decay: 0, initial_accumulator_value: 0, foreach: null, maximize: false,
    });
    nonNegative("Adagrad", "lr", o.lr, "learning rate");
    nonNegative("Adagrad", "lr_decay", o.lr_decay, "lr_decay value");
    nonNegative("Adagrad", "weight_decay", o.weight_decay, "weight_decay value");
    nonNegative("Adagrad", "initial_accumulator_value", o.initial_accumulator_value, "initial_accumulator_value value");
    nonNegative("Adagrad", "eps", o.eps, "epsilon value");
    super(params, o);
    for (const g of this.param_groups) for (const p of g.params) this._init(this._stateOf(p), p, g);
  }

  private _init(state: ParamState, p: Tensor, group: ParamGroup): void {
    if (!("step" in state)) state.step = 0;
    if (!(state.sum instanceof Tensor)) state.sum = full_like(p, num(group, "initial_accumulator_value"), { dtype: "float32" });
  }

  protected _updateGroup(group: ParamGroup): void {
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._stateOf(p);
      this._init(state, p, group);
      const step = (state.step as number) + 1;
      state.step = step;
      adagradStep(p, p.grad, state.sum as Tensor, {
        lr: num(group, "lr"), lr_decay: num(group, "lr_decay"), weight_decay: num(group, "weight_decay"), eps: num(group, "eps"),
        maximize: flag(group, "maximize"), step,
      });
    }
  }
}
