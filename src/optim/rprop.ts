/** Rprop, as PyTorch 1.13 implements it. */
import { rpropStep } from "../ops/optim_kernels";
import { zeros_like } from "../ops/creation";
import { TypeError, ValueError } from "../errors";
import { Optimizer, ParamGroup, ParamsArg, num, flag, pyRepr, type ParamsKeyword } from "./optimizer";
import { optimizerArgs, nonNegative, keywordArgs } from "./_args";

export interface RpropOptions {
  lr?: number;
  etas?: [number, number];
  step_sizes?: [number, number];
  foreach?: boolean | null;
  maximize?: boolean;
}

function pair(op: string, name: string, v: unknown): [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== "number")) {
    throw new TypeError(`${op}(): ${name} must be a pair of numbers, got ${JSON.stringify(v)}`);
  }
  return [v[0], v[1]];
}

/**
 * Rprop (resilient backpropagation): a step size per element that grows by `etas[1]` while the
 * gradient keeps its sign and shrinks by `etas[0]` when it flips; only the gradient's sign is used.
 *
 * Args: lr (default 1e-2, the initial step size), etas ([0.5, 1.2]: etaminus, etaplus),
 * step_sizes ([1e-6, 50]: the smallest and largest step size), maximize.
 *
 * @example
 * const optimizer = new torch.optim.Rprop(net.parameters(), {lr: 0.01});
 */
export class Rprop extends Optimizer {
  constructor(params: ParamsArg | ParamsKeyword<RpropOptions>, ...args: (number | boolean | [number, number] | RpropOptions | undefined)[]) {
    const o = optimizerArgs("Rprop", keywordArgs(params, args), ["lr", "etas", "step_sizes", "foreach", "maximize"], {
      lr: 1e-2, etas: [0.5, 1.2], step_sizes: [1e-6, 50], foreach: null, maximize: false,
    });
    nonNegative("Rprop", "lr", o.lr, "learning rate");
    const [minus, plus] = (o.etas = pair("Rprop", "etas", o.etas));
    if (!(0 < minus && minus < 1 && 1 < plus)) throw new ValueError(`Invalid eta values: ${pyRepr(minus)}, ${pyRepr(plus)}`);
    o.step_sizes = pair("Rprop", "step_sizes", o.step_sizes);
    super(params, o);
  }

  protected _updateGroup(group: ParamGroup): void {
    const [etaminus, etaplus] = group.etas as [number, number];
    const [step_size_min, step_size_max] = group.step_sizes as [number, number];
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._stateOf(p);
      if (Object.keys(state).length === 0) {
        state.step = 0;
        state.prev = zeros_like(p);
        state.step_size = zeros_like(p.grad).fill_(num(group, "lr"));
      }
      state.step = (state.step as number) + 1;
      rpropStep(p, p.grad, state.prev as typeof p, state.step_size as typeof p, { etaminus, etaplus, step_size_min, step_size_max, maximize: flag(group, "maximize") });
    }
  }
}
