/**
 * torch.optim.LBFGS, PyTorch 1.13's algorithm step for step (torch/optim/lbfgs.py): every
 * parameter flattened into one vector, a two-loop recursion over the last `history_size` curvature
 * pairs, and either a fixed step `lr` or a strong-Wolfe line search. The scalars PyTorch keeps as
 * 0-d float32 tensors (ys, H_diag, ro, al, gtd) are 0-d tensors here too, so the arithmetic rounds
 * as it does there.
 */
import { Tensor } from "../tensor/tensor";
import { no_grad, enable_grad } from "../autograd/grad_mode";
import { cat } from "../ops/movement";
import { zeros } from "../ops/creation";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { Closure, Optimizer, OptimizerStateDict, ParamState, ParamsArg, StateValue, type ParamsKeyword } from "./optimizer";
import { isOptions } from "../tensor/args";
import { optimizerArgs, nonNegative, keywordArgs } from "./_args";

export interface LBFGSOptions {
  lr?: number;
  max_iter?: number;
  max_eval?: number | null;
  tolerance_grad?: number;
  tolerance_change?: number;
  history_size?: number;
  line_search_fn?: "strong_wolfe" | null;
}

type Scalar = Tensor | number;
const val = (x: Scalar): number => (x instanceof Tensor ? x.item() : x);

/**
 * The search direction and curvature history carried from one step() to the next: kept in the
 * first parameter's state under PyTorch's keys, so state_dict() holds it and load_state_dict()
 * resumes the same iterations.
 */
interface History {
  d: Tensor | null;
  t: Scalar;
  old_dirs: Tensor[];
  old_stps: Tensor[];
  ro: Tensor[];
  H_diag: Scalar;
  prev_flat_grad: Tensor | null;
  prev_loss: number;
  al: (Tensor | null)[];
}

/**
 * L-BFGS. Each `step(closure)` runs up to `max_iter` iterations, calling `closure` (which zeroes
 * the gradients, computes the loss, calls backward and returns the loss) as often as it needs.
 *
 * Args:
 *   params: the tensors to optimize (one group only, as in PyTorch).
 *   lr: learning rate (default 1).
 *   max_iter: iterations per step (default 20).
 *   max_eval: closure evaluations per step (default max_iter * 1.25).
 *   tolerance_grad: stop when the largest gradient entry is at most this (default 1e-7).
 *   tolerance_change: stop when the step or the loss changes by less (default 1e-9).
 *   history_size: curvature pairs kept (default 100).
 *   line_search_fn: null (a fixed step) or "strong_wolfe".
 *
 * @example
 * const optimizer = new torch.optim.LBFGS([input_img]);
 * optimizer.step(() => { optimizer.zero_grad(); const loss = f(input_img); loss.backward(); return loss; });
 */
export class LBFGS extends Optimizer {
  private _params: Tensor[];
  protected override get _intOptions(): readonly string[] {
    return ["lr"];
  }

  constructor(params: ParamsArg | ParamsKeyword<LBFGSOptions>, ...args: (number | string | null | LBFGSOptions | undefined)[]) {
    const o = optimizerArgs("LBFGS", keywordArgs(params, args), ["lr", "max_iter", "max_eval", "tolerance_grad", "tolerance_change", "history_size", "line_search_fn"], {
      lr: 1, max_iter: 20, max_eval: null, tolerance_grad: 1e-7, tolerance_change: 1e-9, history_size: 100, line_search_fn: null,
    });
    nonNegative("LBFGS", "lr", o.lr, "learning rate");
    for (const name of ["max_iter", "history_size"]) {
      if (!Number.isInteger(o[name]) || (o[name] as number) < 1) throw new ValueError(`LBFGS(): ${name} must be a positive integer, got ${String(o[name])}`);
    }
    if (o.max_eval === null || o.max_eval === undefined) o.max_eval = Math.floor(((o.max_iter as number) * 5) / 4);
    if (o.line_search_fn !== null && o.line_search_fn !== "strong_wolfe") throw new RuntimeError(`LBFGS(): only 'strong_wolfe' is supported as line_search_fn, got '${String(o.line_search_fn)}'`);
    super(params, o);
    if (this.param_groups.length !== 1) throw new ValueError("LBFGS doesn't support per-parameter options (parameter groups)");
    this._params = this.param_groups[0].params;
  }

  private _gather_flat_grad(): Tensor {
    return cat(this._params.map((p) => (p.grad === null ? zeros([p.numel()]) : p.grad.reshape(-1))), 0);
  }

  private _add_grad(step_size: number, update: Tensor): void {
    let offset = 0;
    for (const p of this._params) {
      const numel = p.numel();
      p.add_(update.narrow(0, offset, numel).view_as(p), { alpha: step_size });
      offset += numel;
    }
  }

  private _directional_evaluate(closure: Closure, x: Tensor[], t: number, d: Tensor): [number, Tensor] {
    this._add_grad(t, d);
    const loss = val(enable_grad(closure));
    const flat_grad = this._gather_flat_grad();
    this._params.forEach((p, i) => p.copy_(x[i]));
    return [loss, flat_grad];
  }

  /** Runs up to max_iter L-BFGS iterations; `closure` is required. Returns the closure's first loss. */
  step(closure?: Closure): Tensor | number {
    if (typeof closure !== "function") throw new TypeError(`LBFGS.step() needs a closure that reevaluates the model and returns the loss, got ${closure === undefined ? "none" : typeof closure}`);
    return no_grad(() => this._step(closure));
  }

  private _step(closure: Closure): Tensor | number {
    const group = this.param_groups[0];
    const lr = group.lr;
    const max_iter = group.max_iter as number;
    const max_eval = group.max_eval as number;
    const tolerance_grad = group.tolerance_grad as number;
    const tolerance_change = group.tolerance_change as number;
    const history_size = group.history_size as number;
    const line_search_fn = group.line_search_fn as string | null;

    const state = this._stateOf(this._params[0]);
    state.func_evals = (state.func_evals as number | undefined) ?? 0;
    state.n_iter = (state.n_iter as number | undefined) ?? 0;

    const orig_loss = enable_grad(closure);
    let loss = val(orig_loss);
    let current_evals = 1;
    state.func_evals = (state.func_evals as number) + 1;
    let flat_grad = this._gather_flat_grad();
    let opt_cond = flat_grad.abs().max().item() <= tolerance_grad;
    if (opt_cond) return orig_loss;

    const h: History = {
      d: (state.d as Tensor | undefined) ?? null,
      t: (state.t as Scalar | undefined) ?? 0,
      old_dirs: (state.old_dirs as Tensor[] | undefined) ?? [],
      old_stps: (state.old_stps as Tensor[] | undefined) ?? [],
      ro: (state.ro as Tensor[] | undefined) ?? [],
      H_diag: (state.H_diag as Scalar | undefined) ?? 1,
      prev_flat_grad: (state.prev_flat_grad as Tensor | undefined) ?? null,
      prev_loss: (state.prev_loss as number | undefined) ?? 0,
      al: (state.al as (Tensor | null)[] | undefined) ?? [],
    };
    let d = h.d as Tensor;
    let t: Scalar = h.t;

    let n_iter = 0;
    while (n_iter < max_iter) {
      n_iter += 1;
      state.n_iter = (state.n_iter as number) + 1;
      if (state.n_iter === 1) {
        d = flat_grad.neg();
        h.old_dirs = [];
        h.old_stps = [];
        h.ro = [];
        h.H_diag = 1;
      } else {
        // the curvature pair of the last step
        const y = flat_grad.sub(h.prev_flat_grad as Tensor);
        const s = d.mul(t);
        const ys = y.dot(s);
        if (ys.item() > 1e-10) {
          if (h.old_dirs.length === history_size) {
            h.old_dirs.shift();
            h.old_stps.shift();
            h.ro.shift();
          }
          h.old_dirs.push(y);
          h.old_stps.push(s);
          h.ro.push(ys.reciprocal());
          h.H_diag = ys.div(y.dot(y));
        }
        // two-loop recursion: d = -H g
        const num_old = h.old_dirs.length;
        if (h.al.length === 0) h.al = state.al = new Array<Tensor | null>(history_size).fill(null);
        const al = h.al;
        const q = flat_grad.neg();
        for (let i = num_old - 1; i >= 0; i--) {
          al[i] = h.old_stps[i].dot(q).mul(h.ro[i]);
          q.add_(h.old_dirs[i], { alpha: -(al[i] as Tensor).item() });
        }
        const r = q.mul(h.H_diag);
        d = r;
        for (let i = 0; i < num_old; i++) {
          const be_i = h.old_dirs[i].dot(r).mul(h.ro[i]);
          r.add_(h.old_stps[i], { alpha: (al[i] as Tensor).sub(be_i).item() });
        }
      }
      if (h.prev_flat_grad === null) h.prev_flat_grad = flat_grad.clone();
      else h.prev_flat_grad.copy_(flat_grad);
      const prev_loss = loss;
      h.prev_loss = prev_loss;

      // step length: the first iteration is scaled by the gradient's size
      if (state.n_iter === 1) {
        const inv = flat_grad.abs().sum().reciprocal();
        t = inv.item() < 1 ? inv.mul(lr) : lr;
      } else t = lr;

      const gtd = flat_grad.dot(d);
      if (gtd.item() > -tolerance_change) break;

      let ls_func_evals = 0;
      if (line_search_fn !== null) {
        const x_init = this._params.map((p) => p.clone());
        const obj_func = (x: Tensor[], step: number, dir: Tensor): [number, Tensor] => this._directional_evaluate(closure, x, step, dir);
        const res = strongWolfe(obj_func, x_init, val(t), d, loss, flat_grad, gtd.item(), tolerance_change);
        [loss, flat_grad, t, ls_func_evals] = res;
        this._add_grad(val(t), d);
        opt_cond = flat_grad.abs().max().item() <= tolerance_grad;
      } else {
        this._add_grad(val(t), d);
        if (n_iter !== max_iter) {
          loss = val(enable_grad(closure));
          flat_grad = this._gather_flat_grad();
          opt_cond = flat_grad.abs().max().item() <= tolerance_grad;
          ls_func_evals = 1;
        }
      }
      current_evals += ls_func_evals;
      state.func_evals = (state.func_evals as number) + ls_func_evals;

      if (n_iter === max_iter) break;
      if (current_evals >= max_eval) break;
      if (opt_cond) break;
      if (d.mul(t).abs().max().item() <= tolerance_change) break;
      if (Math.abs(loss - prev_loss) < tolerance_change) break;
    }
    h.d = d;
    h.t = t;
    for (const k of HISTORY_KEYS) if (k !== "al") state[k] = h[k];
    return orig_loss;
  }

  /**
   * Restores a state_dict(), history included (copied, so the loaded dict can be reused): the
   * following steps are those the saved optimizer would have taken.
   */
  load_state_dict(state_dict: OptimizerStateDict): void {
    if (!isOptions(state_dict) || !isOptions(state_dict.state)) return super.load_state_dict(state_dict);
    const rest: Record<string, ParamState> = {};
    const history: Record<string, ParamState> = {};
    for (const [key, value] of Object.entries(state_dict.state)) {
      if (!isOptions(value)) continue;
      rest[key] = {};
      history[key] = {};
      for (const [k, v] of Object.entries(value as ParamState)) (HISTORY_KEYS.includes(k as keyof History) ? history[key] : rest[key])[k] = v;
    }
    super.load_state_dict({ ...state_dict, state: rest });
    for (const [key, saved] of Object.entries(history)) {
      const p = this._params[Number(key)];
      if (p === undefined) continue;
      const state = this._stateOf(p);
      for (const [k, v] of Object.entries(saved)) state[k] = copyHistory(v);
    }
  }
}

/** The state keys PyTorch's LBFGS keeps beside func_evals and n_iter. */
const HISTORY_KEYS: readonly (keyof History)[] = ["d", "t", "old_dirs", "old_stps", "ro", "H_diag", "prev_flat_grad", "prev_loss", "al"];

function copyHistory(v: StateValue): StateValue {
  if (v instanceof Tensor) return v.detach().clone();
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : x.detach().clone()));
  return v;
}

/** The minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to the bounds. */
function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: [number, number]): number {
  const [xmin_bound, xmax_bound] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2_square = d1 * d1 - g1 * g2;
  if (d2_square >= 0) {
    const d2 = Math.sqrt(d2_square);
    const min_pos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(min_pos, xmin_bound), xmax_bound);
  }
  return (xmin_bound + xmax_bound) / 2;
}

/** PyTorch's _strong_wolfe: bracketing, then zoom with cubic interpolation. */
function strongWolfe(
  obj_func: (x: Tensor[], t: number, d: Tensor) => [number, Tensor],
  x: Tensor[], t: number, d: Tensor, f: number, g: Tensor, gtd: number,
  tolerance_change = 1e-9, c1 = 1e-4, c2 = 0.9, max_ls = 25,
): [number, Tensor, number, number] {
  const d_norm = d.abs().max().item();
  g = g.clone();
  let [f_new, g_new] = obj_func(x, t, d);
  let ls_func_evals = 1;
  let gtd_new = g_new.dot(d).item();

  let t_prev = 0;
  let f_prev = f;
  let g_prev = g;
  let gtd_prev = gtd;
  let done = false;
  let ls_iter = 0;
  let bracket: number[] = [];
  let bracket_f: number[] = [];
  let bracket_g: Tensor[] = [];
  let bracket_gtd: number[] = [];
  while (ls_iter < max_ls) {
    if (f_new > f + c1 * t * gtd || (ls_iter > 1 && f_new >= f_prev)) {
      [bracket, bracket_f, bracket_g, bracket_gtd] = [[t_prev, t], [f_prev, f_new], [g_prev, g_new.clone()], [gtd_prev, gtd_new]];
      break;
    }
    if (Math.abs(gtd_new) <= -c2 * gtd) {
      [bracket, bracket_f, bracket_g] = [[t], [f_new], [g_new]];
      done = true;
      break;
    }
    if (gtd_new >= 0) {
      [bracket, bracket_f, bracket_g, bracket_gtd] = [[t_prev, t], [f_prev, f_new], [g_prev, g_new.clone()], [gtd_prev, gtd_new]];
      break;
    }
    // interpolate
    const min_step = t + 0.01 * (t - t_prev);
    const max_step = t * 10;
    const tmp = t;
    t = cubicInterpolate(t_prev, f_prev, gtd_prev, t, f_new, gtd_new, [min_step, max_step]);
    t_prev = tmp;
    f_prev = f_new;
    g_prev = g_new.clone();
    gtd_prev = gtd_new;
    [f_new, g_new] = obj_func(x, t, d);
    ls_func_evals += 1;
    gtd_new = g_new.dot(d).item();
    ls_iter += 1;
  }
  if (ls_iter === max_ls) {
    [bracket, bracket_f, bracket_g] = [[0, t], [f, f_new], [g, g_new]];
  }

  // zoom: shrink the bracket until the strong Wolfe conditions hold
  let insuf_progress = false;
  let [low_pos, high_pos] = bracket_f[0] <= bracket_f[bracket_f.length - 1] ? [0, 1] : [1, 0];
  while (!done && ls_iter < max_ls) {
    if (Math.abs(bracket[1] - bracket[0]) * d_norm < tolerance_change) break;
    t = cubicInterpolate(bracket[0], bracket_f[0], bracket_gtd[0], bracket[1], bracket_f[1], bracket_gtd[1]);
    const eps = 0.1 * (Math.max(...bracket) - Math.min(...bracket));
    if (Math.min(Math.max(...bracket) - t, t - Math.min(...bracket)) < eps) {
      if (insuf_progress || t >= Math.max(...bracket) || t <= Math.min(...bracket)) {
        t = Math.abs(t - Math.max(...bracket)) < Math.abs(t - Math.min(...bracket)) ? Math.max(...bracket) - eps : Math.min(...bracket) + eps;
        insuf_progress = false;
      } else insuf_progress = true;
    } else insuf_progress = false;

    [f_new, g_new] = obj_func(x, t, d);
    ls_func_evals += 1;
    gtd_new = g_new.dot(d).item();
    ls_iter += 1;

    if (f_new > f + c1 * t * gtd || f_new >= bracket_f[low_pos]) {
      bracket[high_pos] = t;
      bracket_f[high_pos] = f_new;
      bracket_g[high_pos] = g_new.clone();
      bracket_gtd[high_pos] = gtd_new;
      [low_pos, high_pos] = bracket_f[0] <= bracket_f[1] ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtd_new) <= -c2 * gtd) done = true;
      else if (gtd_new * (bracket[high_pos] - bracket[low_pos]) >= 0) {
        bracket[high_pos] = bracket[low_pos];
        bracket_f[high_pos] = bracket_f[low_pos];
        bracket_g[high_pos] = bracket_g[low_pos];
        bracket_gtd[high_pos] = bracket_gtd[low_pos];
      }
      bracket[low_pos] = t;
      bracket_f[low_pos] = f_new;
      bracket_g[low_pos] = g_new.clone();
      bracket_gtd[low_pos] = gtd_new;
    }
  }
  t = bracket[low_pos];
  return [bracket_f[low_pos], bracket_g[low_pos], t, ls_func_evals];
}
