import { Tensor } from "../tensor/tensor";
import { ValueError } from "../errors";
import { sgdForeach } from "../ops/optim_kernels";
import { Optimizer, ParamGroup, ParamsArg, required, num, flag, type ParamsKeyword, type ParamState } from "./optimizer";
import { optimizerArgs, nonNegative, number, keywordArgs } from "./_args";

export interface SGDOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weight_decay?: number;
  nesterov?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  differentiable?: boolean;
}

const NAMES = ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "foreach", "differentiable"] as const;

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum, PyTorch's formulation:
 * `b = momentum * b + (1 - dampening) * g` (b = g on the first step), `p -= lr * b`
 * (or `p -= lr * (g + momentum * b)` with nesterov); `g` includes `weight_decay * p`.
 *
 * Args:
 *   params: tensors or parameter groups to optimize.
 *   lr: learning rate (required).
 *   momentum: momentum factor (default 0).
 *   dampening: dampening for momentum (default 0).
 *   weight_decay: L2 penalty (default 0).
 *   nesterov: Nesterov momentum (default false; needs momentum > 0 and dampening 0).
 *   maximize: ascend the objective instead (default false).
 *
 * @example
 * const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.1, momentum: 0.9});
 * optimizer.zero_grad();
 * loss_fn(net(input), target).backward();
 * optimizer.step();
 */
export class SGD extends Optimizer {
  constructor(params: ParamsArg | ParamsKeyword<SGDOptions>, ...args: (number | boolean | SGDOptions | undefined)[]) {
    const o = optimizerArgs("SGD", keywordArgs(params, args), NAMES, {
      lr: required, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, maximize: false, foreach: null, differentiable: false,
    });
    if (o.lr !== required) nonNegative("SGD", "lr", o.lr, "learning rate");
    nonNegative("SGD", "momentum", o.momentum, "momentum value");
    nonNegative("SGD", "weight_decay", o.weight_decay, "weight_decay value");
    number("SGD", "dampening", o.dampening);
    if (o.nesterov && ((o.momentum as number) <= 0 || o.dampening !== 0)) {
      throw new ValueError("Nesterov momentum requires a momentum and zero dampening");
    }
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const h = {
      lr: num(group, "lr"),
      momentum: num(group, "momentum"),
      dampening: num(group, "dampening"),
      weight_decay: num(group, "weight_decay"),
      nesterov: flag(group, "nesterov"),
      maximize: flag(group, "maximize"),
    };
    const items: { param: Tensor; grad: Tensor; buf: Tensor | null }[] = [];
    const states: ParamState[] = [];
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._stateOf(p);
      states.push(state);
      items.push({ param: p, grad: p.grad, buf: state.momentum_buffer instanceof Tensor ? state.momentum_buffer : null });
    }
    const bufs = sgdForeach(items, h);
    for (let i = 0; i < states.length; i++) states[i].momentum_buffer = bufs[i];
  }
}
