import { adamForeach } from "../ops/optim_kernels";
import { Optimizer, ParamGroup, ParamsArg, num, flag, type ParamsKeyword } from "./optimizer";
import { optimizerArgs, checkAdamArgs, keywordArgs } from "./_args";

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weight_decay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  capturable?: boolean;
  differentiable?: boolean;
  fused?: boolean;
}

function adamGroup(opt: Optimizer, group: ParamGroup, decoupled: boolean): void {
  const [beta1, beta2] = group.betas as [number, number];
  const amsgrad = flag(group, "amsgrad");
  const names = amsgrad ? ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"] : ["exp_avg", "exp_avg_sq"];
  const items = [...opt._steps(group, names)].map(({ p, grad, buffers: [m, v, vmax], step }) => ({ param: p, grad, exp_avg: m, exp_avg_sq: v, max_exp_avg_sq: vmax ?? null, step }));
  adamForeach(items, { lr: num(group, "lr"), beta1, beta2, eps: num(group, "eps"), weight_decay: num(group, "weight_decay"), amsgrad, maximize: flag(group, "maximize"), decoupled });
}

/**
 * Adam (Kingma & Ba), PyTorch's formulation with bias-corrected moments; `weight_decay` is an L2
 * term added to the gradient (see AdamW for decoupled decay).
 *
 * Args:
 *   params: tensors or parameter groups to optimize.
 *   lr: learning rate (default 1e-3).
 *   betas: coefficients of the running averages of the gradient and its square (default [0.9, 0.999]).
 *   eps: added to the denominator (default 1e-8).
 *   weight_decay: L2 penalty (default 0).
 *   amsgrad: use the AMSGrad variant (default false).
 *   maximize: ascend the objective instead (default false).
 *
 * The per-parameter state holds `step`, `exp_avg`, `exp_avg_sq` (and `max_exp_avg_sq`); in
 * state_dict() `step` is a 0-d float tensor, as PyTorch 1.13 writes it.
 *
 * @example
 * const optimizer = new torch.optim.Adam(net.parameters(), {lr: 1e-3});
 */
export class Adam extends Optimizer {
  protected _tensorStep = true;

  constructor(params: ParamsArg | ParamsKeyword<AdamOptions>, ...args: (number | boolean | [number, number] | AdamOptions | undefined)[]) {
    const o = optimizerArgs("Adam", keywordArgs(params, args), ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "foreach", "capturable", "differentiable", "fused"], {
      lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, foreach: null, capturable: false, differentiable: false, fused: false,
    });
    checkAdamArgs("Adam", o);
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    adamGroup(this, group, false);
  }
}

/**
 * AdamW (Loshchilov & Hutter): Adam with decoupled weight decay, `p *= 1 - lr * weight_decay`
 * before the Adam update.
 *
 * Args:
 *   params: tensors or parameter groups to optimize.
 *   lr: learning rate (default 1e-3).
 *   betas: default [0.9, 0.999].
 *   eps: default 1e-8.
 *   weight_decay: decoupled decay coefficient (default 1e-2).
 *   amsgrad: default false.
 *   maximize: default false.
 *
 * @example
 * const optimizer = new torch.optim.AdamW(net.parameters(), {lr: 1e-3, weight_decay: 0.05});
 */
export class AdamW extends Optimizer {
  protected _tensorStep = true;

  constructor(params: ParamsArg | ParamsKeyword<AdamOptions>, ...args: (number | boolean | [number, number] | AdamOptions | undefined)[]) {
    const o = optimizerArgs("AdamW", keywordArgs(params, args), ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "foreach", "capturable"], {
      lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 1e-2, amsgrad: false, foreach: null, maximize: false, capturable: false,
    });
    checkAdamArgs("AdamW", o);
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    adamGroup(this, group, true);
  }
}
