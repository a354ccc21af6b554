/** ASGD (averaged SGD), as PyTorch 1.13 implements it. */
import { asgdStep } from "../ops/optim_kernels";
import { zeros_like } from "../ops/creation";
import { Optimizer, ParamGroup, ParamsArg, num, flag, type ParamsKeyword } from "./optimizer";
import { optimizerArgs, nonNegative, number, keywordArgs } from "./_args";

export interface ASGDOptions {
  lr?: number;
  lambd?: number;
  alpha?: number;
  t0?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}

/**
 * Averaged SGD (Polyak-Ruppert): SGD with a decaying step `eta = lr / (1 + lambd * lr * step) ** alpha`
 * and a running average `ax` of the parameters from step `t0` on (kept in the state; the parameters
 * themselves are the SGD iterates, as in PyTorch).
 *
 * Args: lr (default 1e-2), lambd (decay term, 1e-4), alpha (power for the eta update, 0.75),
 * t0 (the step at which averaging starts, 1e6), weight_decay (0), maximize.
 *
 * @example
 * const optimizer = new torch.optim.ASGD(net.parameters(), {lr: 0.01, t0: 100});
 */
export class ASGD extends Optimizer {
  protected _tensorStep = true;
  protected _scalarTensors = ["eta", "mu"];

  constructor(params: ParamsArg | ParamsKeyword<ASGDOptions>, ...args: (number | boolean | ASGDOptions | undefined)[]) {
    const o = optimizerArgs("ASGD", keywordArgs(params, args), ["lr", "lambd", "alpha", "t0", "weight_decay", "foreach", "maximize"], {
      lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weight_decay: 0, foreach: null, maximize: false,
    });
    nonNegative("ASGD", "lr", o.lr, "learning rate");
    nonNegative("ASGD", "weight_decay", o.weight_decay, "weight_decay value");
    for (const k of ["lambd", "alpha", "t0"]) number("ASGD", k, o[k]);
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const lr = num(group, "lr");
    const lambd = num(group, "lambd");
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._stateOf(p);
      if (Object.keys(state).length === 0) Object.assign(state, { step: 0, eta: Math.fround(lr), mu: 1, ax: zeros_like(p) });
      const step = (state.step as number) + 1;
      state.step = step;
      asgdStep(p, p.grad, state.ax as typeof p, {
        lambd, eta: state.eta as number, mu: state.mu as number, weight_decay: num(group, "weight_decay"), maximize: flag(group, "maximize"),
      });
      // PyTorch keeps eta and mu in float32 0-d tensors.
      state.eta = Math.fround(lr / Math.pow(1 + lambd * lr * step, num(group, "alpha")));
      state.mu = Math.fround(1 / Math.max(1, step - num(group, "t0")));
    }
  }

  /** PyTorch's default t0 is the float 1e6, printed `1000000.0`. */
  protected _reprOption(key: string, value: unknown): string | undefined {
    return key === "t0" && value === 1e6 ? "1000000.0" : undefined;
  }
}
