/** Adadelta, Adamax, NAdam and RAdam, as PyTorch 1.13 implements them. */
import { adadeltaStep, adamaxStep, nadamStep, radamStep } from "../ops/optim_kernels";
import { ValueError } from "../errors";
import { Optimizer, ParamGroup, ParamsArg, num, flag, pyRepr, type ParamsKeyword } from "./optimizer";
import { optimizerArgs, nonNegative, checkAdamArgs, number, keywordArgs } from "./_args";

export interface AdadeltaOptions {
  lr?: number;
  rho?: number;
  eps?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}

/**
 * Adadelta (Zeiler): steps scaled by the ratio of running RMS of past updates and of gradients.
 *
 * Args: lr (default 1.0, a multiplier of the update), rho (0.9), eps (1e-6), weight_decay (0), maximize.
 *
 * @example
 * const optimizer = new torch.optim.Adadelta(net.parameters());
 */
export class Adadelta extends Optimizer {
  constructor(params: ParamsArg | ParamsKeyword<AdadeltaOptions>, ...args: (number | boolean | AdadeltaOptions | undefined)[]) {
    const o = optimizerArgs("Adadelta", keywordArgs(params, args), ["lr", "rho", "eps", "weight_decay", "foreach", "maximize"], {
      lr: 1.0, rho: 0.9, eps: 1e-6, weight_decay: 0, maximize: false, foreach: null,
    });
    nonNegative("Adadelta", "lr", o.lr, "learning rate");
    const rho = number("Adadelta", "rho", o.rho);
    if (!(rho >= 0 && rho <= 1)) throw new ValueError(`Invalid rho value: ${pyRepr(rho)}`);
    nonNegative("Adadelta", "eps", o.eps, "epsilon value");
    nonNegative("Adadelta", "weight_decay", o.weight_decay, "weight_decay value");
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    for (const { p, grad, buffers: [sq, acc] } of this._steps(group, ["square_avg", "acc_delta"])) {
      adadeltaStep(p, grad, sq, acc, {
        lr: num(group, "lr"), rho: num(group, "rho"), eps: num(group, "eps"), weight_decay: num(group, "weight_decay"), maximize: flag(group, "maximize"),
      });
    }
  }
}

export interface AdamaxOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}

/**
 * Adamax: Adam with the infinity norm, `u = max(beta2 * u, |g| + eps)`.
 *
 * Args: lr (default 2e-3), betas ([0.9, 0.999]), eps (1e-8), weight_decay (0), maximize.
 *
 * @example
 * const optimizer = new torch.optim.Adamax(net.parameters());
 */
export class Adamax extends Optimizer {
  protected _tensorStep = true;

  constructor(params: ParamsArg | ParamsKeyword<AdamaxOptions>, ...args: (number | boolean | [number, number] | AdamaxOptions | undefined)[]) {
    const o = optimizerArgs("Adamax", keywordArgs(params, args), ["lr", "betas", "eps", "weight_decay", "foreach", "maximize"], {
      lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, foreach: null, maximize: false,
    });
    checkAdamArgs("Adamax", o);
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const [beta1, beta2] = group.betas as [number, number];
    for (const { p, grad, buffers: [m, u], step } of this._steps(group, ["exp_avg", "exp_inf"])) {
      adamaxStep(p, grad, m, u, { lr: num(group, "lr"), beta1, beta2, eps: num(group, "eps"), weight_decay: num(group, "weight_decay"), maximize: flag(group, "maximize"), step });
    }
  }
}

export interface NAdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weight_decay?: number;
  momentum_decay?: number;
  foreach?: boolean | null;
}

/**
 * NAdam: Adam with Nesterov momentum and a momentum schedule
 * `mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))`.
 *
 * Args: lr (default 2e-3), betas ([0.9, 0.999]), eps (1e-8), weight_decay (0), momentum_decay (4e-3).
 *
 * @example
 * const optimizer = new torch.optim.NAdam(net.parameters());
 */
export class NAdam extends Optimizer {
  protected _tensorStep = true;
  protected _scalarTensors = ["mu_product"];

  constructor(params: ParamsArg | ParamsKeyword<NAdamOptions>, ...args: (number | boolean | [number, number] | NAdamOptions | undefined)[]) {
    const o = optimizerArgs("NAdam", keywordArgs(params, args), ["lr", "betas", "eps", "weight_decay", "momentum_decay", "foreach"], {
      lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, momentum_decay: 4e-3, foreach: null,
    });
    checkAdamArgs("NAdam", o);
    nonNegative("NAdam", "momentum_decay", o.momentum_decay, "momentum_decay value");
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const [beta1, beta2] = group.betas as [number, number];
    const md = num(group, "momentum_decay");
    for (const { p, grad, buffers: [m, v], step } of this._steps(group, ["exp_avg", "exp_avg_sq"], { step: 0, mu_product: 1 })) {
      const state = this._stateOf(p);
      const mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * md));
      const mu_next = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * md));
      // PyTorch keeps mu_product in a float32 tensor: round like it does.
      const mu_product = Math.fround((state.mu_product as number) * Math.fround(mu));
      state.mu_product = mu_product;
      const mu_product_next = Math.fround(Math.fround(mu_product * Math.fround(mu)) * Math.fround(mu_next));
      nadamStep(p, grad, m, v, { lr: num(group, "lr"), beta1, beta2, eps: num(group, "eps"), weight_decay: num(group, "weight_decay"), step, mu, mu_next, mu_product, mu_product_next });
    }
  }
}

export interface RAdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weight_decay?: number;
  foreach?: boolean | null;
}

/**
 * RAdam: Adam with a rectified adaptive learning rate (plain momentum SGD while the variance
 * estimate is unreliable, i.e. while rho_t <= 5).
 *
 * Args: lr (default 1e-3), betas ([0.9, 0.999]), eps (1e-8), weight_decay (0).
 *
 * @example
 * const optimizer = new torch.optim.RAdam(net.parameters());
 */
export class RAdam extends Optimizer {
  protected _tensorStep = true;

  constructor(params: ParamsArg | ParamsKeyword<RAdamOptions>, ...args: (number | boolean | [number, number] | RAdamOptions | undefined)[]) {
    const o = optimizerArgs("RAdam", keywordArgs(params, args), ["lr", "betas", "eps", "weight_decay", "foreach"], {
      lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, foreach: null,
    });
    checkAdamArgs("RAdam", o);
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const [beta1, beta2] = group.betas as [number, number];
    for (const { p, grad, buffers: [m, v], step } of this._steps(group, ["exp_avg", "exp_avg_sq"])) {
      radamStep(p, grad, m, v, { lr: num(group, "lr"), beta1, beta2, eps: num(group, "eps"), weight_decay: num(group, "weight_decay"), step });
    }
  }
}
